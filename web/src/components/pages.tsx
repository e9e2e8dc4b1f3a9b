import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api, clock, counted, coverOfAlbum, type Album, type Artist, type Song } from '../api.js';
import { player } from '../player.js';
import { navigate } from '../router.js';
import { liked, say } from '../session.js';
import { useStore } from '../store.js';
import { Cover } from './Cover.js';
import { SongList } from './SongList.js';

const PAGE = 500;

/** Loads `load()` once per key; errors go to the toast. */
export function useLoad<T>(load: () => Promise<T>, key: string): T | undefined {
  const [value, setValue] = useState<T | undefined>(undefined);
  useEffect(() => {
    let live = true;
    setValue(undefined);
    load()
      .then((result) => live && setValue(result))
      .catch((error: Error) => say(error.message));
    return () => {
      live = false;
    };
  }, [key]);
  return value;
}

/** Every song (paged by the API's cursor as the list scrolls), or the search's matches. */
export function SongsPage({ query }: { query: string }) {
  const [songs, setSongs] = useState<Song[]>([]);
  const [done, setDone] = useState(false);
  const cursor = useRef<string | null>(null);
  const loading = useRef(false);
  const generation = useRef(0);
  const more = useCallback(async () => {
    if (loading.current || done) return;
    loading.current = true;
    const mine = generation.current;
    try {
      const params = new URLSearchParams({ limit: String(PAGE) });
      if (query) params.set('q', query);
      if (cursor.current) params.set('cursor', cursor.current);
      const response = await fetch(`/api/songs?${params}`, { credentials: 'same-origin', headers: { accept: 'application/json' } });
      if (!response.ok) throw new Error(((await response.json()) as { error: { message: string } }).error.message);
      if (mine !== generation.current) return;
      const page = (await response.json()) as Song[];
      cursor.current = response.headers.get('x-next-cursor');
      setSongs((old) => [...old, ...page]);
      if (!cursor.current) setDone(true);
    } catch (error) {
      say((error as Error).message);
      setDone(true);
    } finally {
      loading.current = false;
    }
  }, [query, done]);
  useEffect(() => {
    generation.current++;
    cursor.current = null;
    loading.current = false;
    setSongs([]);
    setDone(false);
  }, [query]);
  useEffect(() => {
    if (songs.length === 0 && !done) void more();
  }, [songs.length, done, more]);
  return (
    <section class="page" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title">{query ? `Search: ${query}` : 'Songs'}</h1>
        <span class="count" aria-live="polite">{done || songs.length > 0 ? `${songs.length}${done ? '' : '+'} ${songs.length === 1 ? 'song' : 'songs'}` : 'Loading…'}</span>
        {songs.length > 0 ? <button onClick={() => player.playSongs(songs, 0)}>Play all</button> : null}
      </header>
      {done && songs.length === 0 ? <p class="empty">{query ? `Nothing matches “${query}”.` : 'The library is empty: add music with `tunes library add`.'}</p> : <SongList songs={songs} label={query ? 'Search results' : 'Songs'} onNearEnd={done ? undefined : more} />}
    </section>
  );
}

export function AlbumGrid({ albums }: { albums: readonly Album[] }) {
  return (
    <ul class="grid" aria-label="Albums">
      {albums.map((album) => (
        <li key={album.id}>
          <a
            href={`/albums/${album.id}`}
            class="card"
            onClick={(event) => {
              event.preventDefault();
              navigate(`/albums/${album.id}`);
            }}
          >
            <Cover src={album.has_cover ? coverOfAlbum(album.id, 300) : null} alt="" size={160} />
            <span class="card-title">{album.title}</span>
            <span class="sub">{[album.artist, album.year].filter(Boolean).join(' · ')}</span>
          </a>
        </li>
      ))}
    </ul>
  );
}

export function AlbumsPage() {
  const [albums, setAlbums] = useState<Album[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const sentinel = useRef<HTMLDivElement>(null);
  const loading = useRef(false);
  const more = useCallback(async () => {
    if (loading.current || (total !== null && albums.length >= total)) return;
    loading.current = true;
    try {
      const response = await fetch(`/api/albums?limit=200&offset=${albums.length}`, { headers: { accept: 'application/json' } });
      const page = (await response.json()) as Album[];
      setTotal(Number(response.headers.get('x-total-count') ?? page.length));
      setAlbums((old) => [...old, ...page]);
    } catch (error) {
      say((error as Error).message);
    } finally {
      loading.current = false;
    }
  }, [albums.length, total]);
  useEffect(() => {
    const element = sentinel.current;
    if (!element) return;
    const observer = new IntersectionObserver((seen) => seen.some((entry) => entry.isIntersecting) && void more());
    observer.observe(element);
    return () => observer.disconnect();
  }, [more]);
  return (
    <section class="page scroll" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title">Albums</h1>
        {total !== null ? <span class="count">{counted(total, 'album')}</span> : null}
      </header>
      {total === 0 ? <p class="empty">No albums yet.</p> : <AlbumGrid albums={albums} />}
      <div ref={sentinel} class="sentinel" />
    </section>
  );
}

interface AlbumDetail extends Album {
  songs: Song[];
}

export function AlbumPage({ id }: { id: string }) {
  const album = useLoad(() => api<AlbumDetail>('GET', `/api/albums/${id}`), id);
  if (!album) return <p class="empty">Loading…</p>;
  const discs = new Set(album.songs.map((song) => song.disc_no ?? 1)).size;
  return (
    <section class="page" aria-labelledby="page-title">
      <header class="page-head album-head">
        <Cover src={album.has_cover ? coverOfAlbum(album.id, 300) : null} alt={`Cover of ${album.title}`} size={140} />
        <div>
          <h1 id="page-title">{album.title}</h1>
          <p class="sub">
            {album.artist_id ? (
              <a href={`/artists/${album.artist_id}`} onClick={(event) => (event.preventDefault(), navigate(`/artists/${album.artist_id}`))}>
                {album.artist}
              </a>
            ) : (
              album.artist
            )}
            {album.year ? ` · ${album.year}` : ''} · {counted(album.song_count, 'song')} · {clock(album.duration_ms)}
            {discs > 1 ? ` · ${discs} discs` : ''}
          </p>
          <button class="primary" aria-label={`Play ${album.title}`} onClick={() => player.playSongs(album.songs, 0)}>
            Play
          </button>
          <button onClick={() => (player.addToQueue(album.songs), say(`Queued ${album.title}`))}>Add to queue</button>
        </div>
      </header>
      <SongList songs={album.songs} label={`Songs of ${album.title}`} showTrack />
    </section>
  );
}

export function ArtistsPage() {
  const artists = useLoad(() => api<Artist[]>('GET', '/api/artists?limit=500'), 'artists');
  return (
    <section class="page scroll" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title">Artists</h1>
      </header>
      {!artists ? <p class="empty">Loading…</p> : artists.length === 0 ? <p class="empty">No artists yet.</p> : null}
      <ul class="plain-list">
        {(artists ?? []).map((artist) => (
          <li key={artist.id}>
            <a href={`/artists/${artist.id}`} onClick={(event) => (event.preventDefault(), navigate(`/artists/${artist.id}`))}>
              {artist.name}
            </a>
            <span class="sub">
              {counted(artist.album_count, 'album')} · {counted(artist.song_count, 'song')}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface ArtistDetail extends Artist {
  albums: Album[];
  appears_on: AlbumDetail[];
}

export function ArtistPage({ id }: { id: string }) {
  const artist = useLoad(() => api<ArtistDetail>('GET', `/api/artists/${id}`), id);
  if (!artist) return <p class="empty">Loading…</p>;
  return (
    <section class="page scroll" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title">{artist.name}</h1>
        <span class="count">{counted(artist.song_count, 'song')}</span>
      </header>
      <AlbumGrid albums={artist.albums} />
      {artist.appears_on.length > 0 ? (
        <>
          <h2>Appears on</h2>
          <AlbumGrid albums={artist.appears_on} />
        </>
      ) : null}
    </section>
  );
}

export function LikedPage() {
  const likes = useLoad(() => api<Array<{ song: Song }>>('GET', '/api/me/likes'), 'liked');
  // Unliked here (or anywhere in the app): the row goes at once, without a reload.
  const likedIds = useStore(liked);
  const songs = (likes ?? []).map((like) => like.song).filter((song) => likedIds.has(song.id));
  return (
    <section class="page" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title">Liked songs</h1>
        {songs.length > 0 ? <button onClick={() => player.playSongs(songs, 0)}>Play all</button> : null}
      </header>
      {likes ? <SongList songs={songs} label="Liked songs" /> : <p class="empty">Loading…</p>}
    </section>
  );
}

export function HistoryPage() {
  const plays = useLoad(() => api<Array<{ song: Song }>>('GET', '/api/me/history?limit=500'), 'history');
  return (
    <section class="page" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title">History</h1>
      </header>
      {plays ? <SongList songs={plays.map((play) => play.song)} label="Recently played" /> : <p class="empty">Loading…</p>}
    </section>
  );
}
