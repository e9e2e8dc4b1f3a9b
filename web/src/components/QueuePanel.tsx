import { useState } from 'preact/hooks';
import { clock, counted } from '../api.js';
import { player, queue } from '../player.js';
import { useStore } from '../store.js';
import { Icon } from './Icon.js';

/** The play queue: play any entry, remove it, reorder by drag or by the move buttons / J and K. */
export function QueuePanel({ onClose }: { onClose: () => void }) {
  const { entries, index } = useStore(queue);
  const [dragging, setDragging] = useState<number | null>(null);
  return (
    <aside class="queue" aria-label="Queue">
      <header class="page-head">
        <h2>Queue</h2>
        <span class="count">{counted(entries.length, 'song')}</span>
        <button onClick={() => player.clear()} disabled={entries.length === 0}>
          Clear
        </button>
        <button class="icon" aria-label="Close queue" onClick={onClose}>
          <Icon name="close" />
        </button>
      </header>
      {entries.length === 0 ? <p class="empty">The queue is empty.</p> : null}
      <ol class="queue-list">
        {entries.map((entry, i) => (
          <li
            key={entry.key}
            class={`${i === index ? 'playing' : ''}${dragging === i ? ' dragging' : ''}`}
            draggable
            onDragStart={() => setDragging(i)}
            onDragOver={(event) => event.preventDefault()}
            onDrop={(event) => {
              event.preventDefault();
              if (dragging !== null) player.move(dragging, i);
              setDragging(null);
            }}
            onKeyDown={(event) => {
              if (event.key === 'J' || (event.altKey && event.key === 'ArrowDown')) (event.preventDefault(), event.stopPropagation(), player.move(i, i + 1));
              if (event.key === 'K' || (event.altKey && event.key === 'ArrowUp')) (event.preventDefault(), event.stopPropagation(), player.move(i, i - 1));
              if (event.key === 'd' || event.key === 'Delete') (event.preventDefault(), event.stopPropagation(), player.remove(entry.key));
            }}
          >
            <button class="link" onClick={() => player.playAt(i)} aria-current={i === index ? 'true' : undefined}>
              <span class="title">{entry.song.title}</span>
              <span class="sub">
                {entry.song.artist ?? ''} · {clock(entry.song.duration_ms)}
              </span>
            </button>
            <button class="icon" aria-label={`Move ${entry.song.title} up`} disabled={i === 0} onClick={() => player.move(i, i - 1)}>
              <Icon name="up" size={18} />
            </button>
            <button class="icon" aria-label={`Move ${entry.song.title} down`} disabled={i === entries.length - 1} onClick={() => player.move(i, i + 1)}>
              <Icon name="down" size={18} />
            </button>
            <button class="icon" aria-label={`Remove ${entry.song.title} from the queue`} onClick={() => player.remove(entry.key)}>
              <Icon name="close" size={18} />
            </button>
          </li>
        ))}
      </ol>
    </aside>
  );
}
