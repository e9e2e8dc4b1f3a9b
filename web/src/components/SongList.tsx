import { useEffect, useRef, useState } from 'preact/hooks';
import { clock, type Song } from '../api.js';
import { player, queue } from '../player.js';
import { liked, say, toggleLike } from '../session.js';
import { useStore } from '../store.js';
import { Icon } from './Icon.js';
import { SongMenu } from './SongMenu.js';

export const ROW_HEIGHT = 48;
const OVERSCAN = 8;

export interface SongListProps {
  songs: readonly Song[];
  label: string;
  /** Asked for more rows when the end comes into view (paged lists). */
  onNearEnd?: () => void;
  /** A playlist's own actions: remove, move (indexes into `songs`). */
  onRemove?: (index: number) => void;
  onMove?: (from: number, to: number) => void;
  /** A list whose songs cannot be removed or moved by hand (a smart playlist): why, said when d or J/K is pressed. */
  readOnly?: string;
  showTrack?: boolean;
}

/**
 * A list of songs that renders only the rows in view (10,000 rows cost as much as 20). Keys as in the
 * terminal browser: j/k, g/G, Enter plays from here, e / E queue at the end / next, a adds to a
 * playlist, L likes, and in playlists d removes and J/K move.
 */
export function SongList({ songs, label, onNearEnd, onRemove, onMove, readOnly, showTrack = false }: SongListProps) {
  const box = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [height, setHeight] = useState(600);
  const [cursor, setCursor] = useState(0);
  const [menu, setMenu] = useState<{ index: number; playlistsFirst: boolean } | null>(null);
  const [dragging, setDragging] = useState<number | null>(null);
  const likedIds = useStore(liked);
  const { entries, index: playingIndex } = useStore(queue);
  const playingId = entries[playingIndex]?.song.id;

  useEffect(() => {
    const element = box.current;
    if (!element) return;
    const observer = new ResizeObserver(() => setHeight(element.clientHeight || 600));
    observer.observe(element);
    return () => observer.disconnect();
  }, []);

  const first = Math.max(0, Math.floor(scrollTop / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(songs.length, Math.ceil((scrollTop + height) / ROW_HEIGHT) + OVERSCAN);
  useEffect(() => {
    if (onNearEnd && last >= songs.length - OVERSCAN) onNearEnd();
  }, [last, songs.length, onNearEnd]);

  const focusRow = (index: number) => {
    const clamped = Math.max(0, Math.min(songs.length - 1, index));
    setCursor(clamped);
    const element = box.current;
    if (!element) return;
    const top = clamped * ROW_HEIGHT;
    if (top < element.scrollTop) element.scrollTop = top;
    else if (top + ROW_HEIGHT > element.scrollTop + element.clientHeight) element.scrollTop = top + ROW_HEIGHT - element.clientHeight;
    window.requestAnimationFrame(() => element.querySelector<HTMLElement>(`[data-row="${clamped}"]`)?.focus());
  };

  const onKey = (event: KeyboardEvent) => {
    if (event.target instanceof HTMLInputElement || menu) return;
    const song = songs[cursor];
    const page = Math.max(1, Math.floor(height / ROW_HEIGHT) - 1);
    const keys: Record<string, () => void> = {
      j: () => focusRow(cursor + 1),
      ArrowDown: () => focusRow(cursor + 1),
      k: () => focusRow(cursor - 1),
      ArrowUp: () => focusRow(cursor - 1),
      g: () => focusRow(0),
      Home: () => focusRow(0),
      G: () => focusRow(songs.length - 1),
      End: () => focusRow(songs.length - 1),
      PageDown: () => focusRow(cursor + page),
      PageUp: () => focusRow(cursor - page),
      Enter: () => player.playSongs(songs, cursor),
      e: () => song && (player.addToQueue([song]), say(`Queued “${song.title}”`)),
      E: () => song && (player.playNext([song]), say(`“${song.title}” plays next`)),
      a: () => setMenu({ index: cursor, playlistsFirst: true }),
      L: () => song && void toggleLike(song).catch((error: Error) => say(error.message)),
      ...(onRemove ? { d: () => onRemove(cursor) } : {}),
      ...(readOnly ? { d: () => say(readOnly), J: () => say(readOnly), K: () => say(readOnly) } : {}),
      ...(onMove
        ? {
            J: () => cursor < songs.length - 1 && (onMove(cursor, cursor + 1), focusRow(cursor + 1)),
            K: () => cursor > 0 && (onMove(cursor, cursor - 1), focusRow(cursor - 1)),
          }
        : {}),
    };
    const action = keys[event.key];
    if (action && !event.ctrlKey && !event.metaKey && !event.altKey) {
      event.preventDefault();
      event.stopPropagation();
      action();
    }
  };

  if (songs.length === 0) return <p class="empty">No songs here.</p>;
  const rows = [];
  for (let i = first; i < last; i++) {
    const song = songs[i]!;
    const isLiked = likedIds.has(song.id);
    rows.push(
      <div
        key={`${i}-${song.id}`}
        role="row"
        aria-rowindex={i + 1}
        aria-selected={i === cursor}
        data-row={i}
        tabIndex={i === cursor ? 0 : -1}
        class={`row${song.id === playingId ? ' playing' : ''}${i === cursor ? ' cursor' : ''}${dragging === i ? ' dragging' : ''}${song.available ? '' : ' missing'}`}
        style={{ top: `${i * ROW_HEIGHT}px` }}
        draggable={!!onMove}
        onDragStart={(event) => {
          setDragging(i);
          event.dataTransfer?.setData('text/plain', String(i));
        }}
        onDragOver={(event) => onMove && event.preventDefault()}
        onDrop={(event) => {
          event.preventDefault();
          if (onMove && dragging !== null && dragging !== i) onMove(dragging, i);
          setDragging(null);
        }}
        onDragEnd={() => setDragging(null)}
        onFocus={() => setCursor(i)}
        onDblClick={() => player.playSongs(songs, i)}
      >
        <span role="cell" class="num">{showTrack ? (song.track_no ?? '') : i + 1}</span>
        <span role="cell" class="title">
          <button class="link" onClick={() => player.playSongs(songs, i)} aria-label={`Play ${song.title}`}>
            {song.title}
          </button>
          <span class="sub">{song.artist ?? 'Unknown artist'}</span>
        </span>
        <span role="cell" class="album">{song.album ?? ''}</span>
        <span role="cell" class="time">{clock(song.duration_ms)}</span>
        <span role="cell" class="actions">
          <button class={`icon like${isLiked ? ' on' : ''}`} aria-pressed={isLiked} aria-label={isLiked ? `Unlike ${song.title}` : `Like ${song.title}`} onClick={() => void toggleLike(song).catch((error: Error) => say(error.message))}>
            <Icon name={isLiked ? 'heart' : 'heartOutline'} size={20} />
          </button>
          <button class="icon" aria-label={`More actions for ${song.title}`} aria-haspopup="dialog" onClick={() => setMenu({ index: i, playlistsFirst: false })}>
            <Icon name="more" size={20} />
          </button>
        </span>
      </div>,
    );
  }
  const menuSong = menu ? songs[menu.index] : undefined;
  return (
    <>
      <div class="list" role="grid" aria-label={label} aria-rowcount={songs.length} ref={box} onScroll={(event) => setScrollTop(event.currentTarget.scrollTop)} onKeyDown={onKey}>
        <div class="spacer" style={{ height: `${songs.length * ROW_HEIGHT}px` }}>
          {rows}
        </div>
      </div>
      {menu && menuSong ? (
        <SongMenu
          songs={[menuSong]}
          playlistsFirst={menu.playlistsFirst}
          onClose={() => {
            setMenu(null);
            focusRow(menu.index);
          }}
          extra={[
            ...(onRemove ? [{ label: 'Remove from this playlist', run: () => onRemove(menu.index) }] : []),
            ...(onMove && menu.index > 0 ? [{ label: 'Move up', run: () => onMove(menu.index, menu.index - 1) }] : []),
            ...(onMove && menu.index < songs.length - 1 ? [{ label: 'Move down', run: () => onMove(menu.index, menu.index + 1) }] : []),
          ]}
        />
      ) : null}
    </>
  );
}
