import { clock, coverOfSong } from '../api.js';
import { player, queue, transport } from '../player.js';
import { liked, say, toggleLike } from '../session.js';
import { useStore } from '../store.js';
import { Cover } from './Cover.js';
import { Icon } from './Icon.js';

/** Always at the bottom: what plays, the transport, seek and volume. */
export function PlayerBar({ panel, onToggle }: { panel: 'queue' | 'lyrics' | null; onToggle: (which: 'queue' | 'lyrics') => void }) {
  const state = useStore(queue);
  const { playing, position_ms, duration_ms, volume, muted } = useStore(transport);
  const likedIds = useStore(liked);
  const song = state.entries[state.index]?.song;
  const isLiked = song ? likedIds.has(song.id) : false;
  const repeatLabel = { off: 'Repeat: off', all: 'Repeat: all', one: 'Repeat: one' }[state.repeat];
  return (
    <footer class="player" aria-label="Player">
      <div class="now">
        {song ? (
          <>
            <Cover key={song.id} src={coverOfSong(song.id, 96)} alt="" size={48} />
            <div class="now-text">
              <span class="title" data-testid="now-title">{song.title}</span>
              <span class="sub">{song.artist ?? ''}</span>
            </div>
            <button class={`icon like${isLiked ? ' on' : ''}`} aria-pressed={isLiked} aria-label={isLiked ? 'Unlike this song' : 'Like this song'} onClick={() => void toggleLike(song).catch((error: Error) => say(error.message))}>
              <Icon name={isLiked ? 'heart' : 'heartOutline'} />
            </button>
          </>
        ) : (
          <span class="sub">Nothing playing</span>
        )}
      </div>
      <div class="transport">
        <div class="buttons">
          <button class={`icon toggle${state.shuffle ? ' on' : ''}`} aria-pressed={state.shuffle} aria-label="Shuffle" title="Shuffle (s)" onClick={() => player.toggleShuffle()}>
            <Icon name="shuffle" />
          </button>
          <button class="icon" aria-label="Previous" title="Previous (p)" onClick={() => player.previous()}>
            <Icon name="previous" />
          </button>
          <button class="icon play" aria-label={playing ? 'Pause' : 'Play'} title="Play/pause (space)" onClick={() => player.toggle()} disabled={!song}>
            <Icon name={playing ? 'pause' : 'play'} size={34} />
          </button>
          <button class="icon" aria-label="Next" title="Next (n)" onClick={() => player.next()}>
            <Icon name="next" />
          </button>
          <button class={`icon toggle${state.repeat !== 'off' ? ' on' : ''}`} aria-label={repeatLabel} title={`${repeatLabel} (r)`} onClick={() => player.cycleRepeat()}>
            <Icon name={state.repeat === 'one' ? 'repeatOne' : 'repeat'} />
          </button>
        </div>
        <div class="seek">
          <span class="time" data-testid="position">{clock(position_ms)}</span>
          <input
            type="range"
            aria-label="Seek"
            min={0}
            max={Math.max(1, Math.round((duration_ms ?? 0) / 1000))}
            step={1}
            value={Math.round(position_ms / 1000)}
            disabled={!song}
            onInput={(event) => player.seek(Number(event.currentTarget.value) * 1000)}
          />
          <span class="time">{clock(duration_ms)}</span>
        </div>
      </div>
      <div class="extras">
        <button class="icon" aria-label={muted ? 'Unmute' : 'Mute'} title="Mute (m)" onClick={() => player.toggleMute()}>
          <Icon name={muted || volume === 0 ? 'mute' : 'volume'} />
        </button>
        <input type="range" aria-label="Volume" min={0} max={100} step={1} value={muted ? 0 : Math.round(volume * 100)} onInput={(event) => player.setVolume(Number(event.currentTarget.value) / 100)} />
        <button class={`icon toggle${panel === 'lyrics' ? ' on' : ''}`} aria-pressed={panel === 'lyrics'} aria-label="Lyrics" title="Lyrics (y)" onClick={() => onToggle('lyrics')}>
          <Icon name="lyrics" />
        </button>
        <button class={`icon toggle${panel === 'queue' ? ' on' : ''}`} aria-pressed={panel === 'queue'} aria-label="Queue" title="Queue (q)" onClick={() => onToggle('queue')}>
          <Icon name="queue" />
        </button>
      </div>
    </footer>
  );
}
