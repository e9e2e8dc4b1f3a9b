import { useEffect, useRef, useState } from 'preact/hooks';
import { fetchLyrics, lineAt, type SongLyrics } from '../lyrics.js';
import { player, queue, transport } from '../player.js';
import { useStore } from '../store.js';
import { Icon } from './Icon.js';

type Loaded = { songId: number; lyrics: SongLyrics | null; error?: string };

/** The playing song's lyrics: synced lines follow the audio (the sung one lit and kept in view; a click seeks there), unsynced ones shown plain. */
export function LyricsPanel({ onClose }: { onClose: () => void }) {
  const { entries, index } = useStore(queue);
  const { position_ms } = useStore(transport);
  const song = entries[index]?.song;
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    if (!song) return;
    let live = true;
    fetchLyrics(song.id).then(
      (lyrics) => live && setLoaded({ songId: song.id, lyrics }),
      (error: Error) => live && setLoaded({ songId: song.id, lyrics: null, error: error.message }),
    );
    return () => void (live = false);
  }, [song?.id]);

  const lyrics = loaded && song && loaded.songId === song.id ? loaded.lyrics : undefined;
  const current = lyrics?.synced ? lineAt(lyrics.lines, position_ms) : -1;

  useEffect(() => {
    const line = list.current?.querySelector<HTMLElement>('li.current');
    // happy-dom and old browsers lack scrollIntoView's options; the line is then simply not scrolled to.
    const still = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    line?.scrollIntoView?.({ block: 'center', behavior: still ? 'auto' : 'smooth' });
  }, [current, lyrics]);

  let body;
  if (!song) body = <p class="empty">Nothing playing</p>;
  else if (lyrics === undefined) body = <p class="empty">Loading…</p>;
  else if (lyrics === null) body = <p class="empty">{loaded?.error ? `Could not load the lyrics: ${loaded.error}` : 'No lyrics for this song'}</p>;
  else
    body = (
      <ol ref={list} class={`lyrics-lines${lyrics.synced ? ' synced' : ''}`} lang={lyrics.language ?? undefined}>
        {lyrics.lines.map((line, i) => (
          <li key={i} class={i === current ? 'current' : undefined} aria-current={i === current ? 'true' : undefined}>
            {lyrics.synced && line.start_ms !== null ? (
              <button class="link" onClick={() => player.seek(line.start_ms!)}>
                {line.text || '♪'}
              </button>
            ) : (
              line.text || '\u00a0'
            )}
          </li>
        ))}
      </ol>
    );

  return (
    <aside class="queue lyrics" aria-label="Lyrics">
      <header class="page-head">
        <h2>Lyrics</h2>
        <button class="icon" aria-label="Close lyrics" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      {body}
    </aside>
  );
}
