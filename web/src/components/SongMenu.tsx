import { useState } from 'preact/hooks';
import { isSmart, type Song } from '../api.js';
import { player } from '../player.js';
import { navigate } from '../router.js';
import { addToPlaylist, createPlaylist, playlists, say } from '../session.js';
import { useStore } from '../store.js';

export interface SongMenuProps {
  songs: readonly Song[];
  onClose: () => void;
  /** Extra entries for the list it was opened from (a playlist's "Remove"). */
  extra?: Array<{ label: string; run: () => void }>;
  /** Open straight on the playlist choice (the `a` key). */
  playlistsFirst?: boolean;
}

/** The actions on a song (or songs): a dialog of real buttons, closed by Escape or a choice. */
export function SongMenu({ songs, onClose, extra = [], playlistsFirst = false }: SongMenuProps) {
  const lists = useStore(playlists);
  const [choosing, setChoosing] = useState(playlistsFirst);
  const [name, setName] = useState('');
  const song = songs[0];
  const run = (action: () => unknown) => () => {
    onClose();
    Promise.resolve(action()).catch((error: Error) => say(error.message));
  };
  const title = songs.length === 1 ? song?.title : `${songs.length} songs`;
  return (
    <div class="overlay" onClick={onClose}>
      <div
        class="menu"
        role="dialog"
        aria-modal="true"
        aria-label={`Actions for ${title}`}
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.stopPropagation();
            onClose();
          }
        }}
      >
        <h2>{title}</h2>
        {!choosing ? (
          <div class="menu-items">
            <button autoFocus onClick={run(() => player.playNext(songs))}>Play next</button>
            <button onClick={run(() => player.addToQueue(songs))}>Add to queue</button>
            <button onClick={() => setChoosing(true)}>Add to playlist…</button>
            {songs.length === 1 && song?.album_id ? <button onClick={run(() => navigate(`/albums/${song.album_id}`))}>Go to album</button> : null}
            {songs.length === 1 && song?.artist_id ? <button onClick={run(() => navigate(`/artists/${song.artist_id}`))}>Go to artist</button> : null}
            {extra.map((item) => (
              <button key={item.label} onClick={run(item.run)}>
                {item.label}
              </button>
            ))}
            <button onClick={onClose}>Cancel</button>
          </div>
        ) : (
          <div class="menu-items">
            <form
              class="inline-form"
              onSubmit={(event) => {
                event.preventDefault();
                if (name.trim()) void run(async () => addToPlaylist(await createPlaylist(name.trim()), songs))();
              }}
            >
              <label>
                New playlist
                <input autoFocus value={name} onInput={(event) => setName(event.currentTarget.value)} placeholder="Name" />
              </label>
              <button type="submit">Create and add</button>
            </form>
            {/* Smart playlists fill themselves: they are not offered here. */}
            {lists.filter((list) => !isSmart(list)).map((list) => (
              <button key={list.id} onClick={run(() => addToPlaylist(list, songs))}>
                {list.name}
              </button>
            ))}
            <button onClick={onClose}>Cancel</button>
          </div>
        )}
      </div>
    </div>
  );
}
