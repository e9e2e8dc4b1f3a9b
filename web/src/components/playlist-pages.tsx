import { useEffect, useState } from 'preact/hooks';
import { api, clock, counted, isSmart, type Playlist, type PlaylistEntry } from '../api.js';
import { player } from '../player.js';
import { navigate } from '../router.js';
import { createPlaylist, playlists, refreshPlaylists, say } from '../session.js';
import { useStore } from '../store.js';
import { SmartMark } from './SmartMark.js';
import { SmartPlaylistForm } from './SmartPlaylistForm.js';
import { SongList } from './SongList.js';

export function PlaylistsPage() {
  const lists = useStore(playlists);
  const [name, setName] = useState('');
  useEffect(() => void refreshPlaylists().catch((error: Error) => say(error.message)), []);
  return (
    <section class="page scroll" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title">Playlists</h1>
      </header>
      <form
        class="inline-form"
        onSubmit={(event) => {
          event.preventDefault();
          if (!name.trim()) return;
          createPlaylist(name.trim())
            .then((playlist) => (setName(''), navigate(`/playlists/${playlist.id}`)))
            .catch((error: Error) => say(error.message));
        }}
      >
        <label>
          New playlist
          <input value={name} onInput={(event) => setName(event.currentTarget.value)} placeholder="Name" />
        </label>
        <button type="submit">Create</button>
      </form>
      <SmartPlaylistForm
        submitLabel="Create smart playlist"
        send={(body) => api<Playlist>('POST', '/api/playlists', body)}
        onDone={(playlist) => navigate(`/playlists/${playlist.id}`)}
      />
      {lists.length === 0 ? <p class="empty">No playlists yet.</p> : null}
      <ul class="plain-list">
        {lists.map((list) => (
          <li key={list.id}>
            <a href={`/playlists/${list.id}`} onClick={(event) => (event.preventDefault(), navigate(`/playlists/${list.id}`))}>
              <SmartMark playlist={list} />
              {list.name}
            </a>
            <span class="sub">
              {counted(list.song_count, 'song')} · {clock(list.duration_ms)}
              {isSmart(list) ? ` · ${list.built_in ? 'built in' : 'smart'}` : ''}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

interface PlaylistDetail extends Playlist {
  entries: PlaylistEntry[];
}

export function PlaylistPage({ id }: { id: string }) {
  const [detail, setDetail] = useState<PlaylistDetail | null | undefined>(undefined);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [editingRules, setEditingRules] = useState(false);
  const reload = () =>
    api<PlaylistDetail>('GET', `/api/playlists/${id}`)
      .then(setDetail)
      .catch((error: Error) => (setDetail(null), say(error.message)));
  useEffect(() => void reload(), [id]);
  if (detail === undefined) return <p class="empty">Loading…</p>;
  if (detail === null) return <p class="empty">No such playlist.</p>;
  const songs = detail.entries.map((entry) => entry.song);
  const smart = isSmart(detail);
  const act = (work: () => Promise<unknown>) => {
    work()
      .then(() => Promise.all([reload(), refreshPlaylists()]))
      .catch((error: Error) => say(error.message));
  };
  const move = (from: number, to: number) => {
    // Shown at once; the server's answer then replaces it.
    const entries = [...detail.entries];
    const [moved] = entries.splice(from, 1);
    entries.splice(to, 0, moved!);
    setDetail({ ...detail, entries });
    act(() => api('POST', `/api/playlists/${id}/songs/move`, { from: from + 1, to: to + 1 }));
  };
  return (
    <section class="page" aria-labelledby="page-title">
      <header class="page-head">
        {renaming === null ? (
          <h1 id="page-title">{detail.name}</h1>
        ) : (
          <form
            class="inline-form"
            onSubmit={(event) => {
              event.preventDefault();
              const name = renaming.trim();
              setRenaming(null);
              if (name && name !== detail.name) act(() => api('PATCH', `/api/playlists/${id}`, { name }));
            }}
          >
            <label>
              Name
              <input id="page-title" autoFocus value={renaming} onInput={(event) => setRenaming(event.currentTarget.value)} onKeyDown={(event) => event.key === 'Escape' && setRenaming(null)} />
            </label>
            <button type="submit">Save</button>
          </form>
        )}
        <span class="count">
          {counted(detail.song_count, 'song')} · {clock(detail.duration_ms)}
        </span>
        {songs.length > 0 ? (
          <button class="primary" aria-label={`Play ${detail.name}`} onClick={() => player.playSongs(songs, 0)}>
            Play
          </button>
        ) : null}
        {detail.built_in ? null : <button onClick={() => setRenaming(detail.name)}>Rename</button>}
        {smart && !detail.built_in ? (
          <button aria-expanded={editingRules} onClick={() => setEditingRules((open) => !open)}>
            Edit rules
          </button>
        ) : null}
        {detail.built_in ? null : <button
          onClick={() => {
            if (!window.confirm(`Delete the playlist “${detail.name}”?`)) return;
            api('DELETE', `/api/playlists/${id}`)
              .then(() => (refreshPlaylists(), navigate('/playlists')))
              .catch((error: Error) => say(error.message));
          }}
        >
          Delete
        </button>}
      </header>
      {smart ? <SmartRules playlist={detail} /> : null}
      {editingRules ? (
        <SmartPlaylistForm
          editing={detail}
          submitLabel="Save rules"
          send={(body) => api<Playlist>('PUT', `/api/playlists/${id}/rules`, body)}
          onDone={() => (setEditingRules(false), void reload())}
        />
      ) : null}
      {songs.length === 0 ? <p class="empty">{smart ? 'Nothing matches these rules yet.' : 'Empty: add songs from any list with ⋯ or the a key.'}</p> : null}
      {smart ? (
        <SongList songs={songs} label={`Songs of ${detail.name}`} readOnly={`“${detail.name}” is a smart playlist: its songs come from its rules, not by hand`} />
      ) : (
        <SongList songs={songs} label={`Songs of ${detail.name}`} onRemove={(index) => act(() => api('DELETE', `/api/playlists/${id}/songs/${index + 1}`))} onMove={move} />
      )}
    </section>
  );
}

/** What a smart playlist is made of, in the CLI's words: the rules, the sort, the limit. */
function SmartRules({ playlist }: { playlist: Playlist }) {
  return (
    <p class="smart-rules">
      <SmartMark playlist={playlist} />
      {playlist.built_in ? `Built in: ${playlist.description ?? ''}. ` : 'Smart playlist. '}
      {playlist.rules ? (
        <>
          Rules: <code>{playlist.rules}</code>
        </>
      ) : (
        'Every song.'
      )}
      {playlist.rules_sort ? ` · sorted by ${playlist.rules_sort}` : ''}
      {playlist.rules_limit ? ` · at most ${counted(playlist.rules_limit, 'song')}` : ''}
      <span class="sub"> Songs are worked out each time; they cannot be added or removed by hand.</span>
    </p>
  );
}
