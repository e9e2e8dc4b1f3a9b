import type { Song } from '../../domain/song.js';
import type { PlayerCommand, SongSelection } from '../../domain/player-command.js';
import { TunesError } from '../../errors.js';
import type { CatalogService } from '../catalog/catalog-service.js';
import type { PlaySelectionService } from './play-selection.js';
import type { PlaybackService } from './playback-service.js';

export interface DispatcherDeps {
  playback: PlaybackService;
  catalog: CatalogService;
  selection: PlaySelectionService;
  /** The account logged in now (null: nobody), asked when songs are queued: their listens go to it. */
  currentUser(): Promise<number | null>;
  /** The account logged in, or not_logged_in (for playlists and likes). */
  requireUser(): Promise<number>;
  /** Asked to end the player; called after the command's reply is on its way. */
  onQuit(): void;
}

/**
 * The one dispatcher: every PlayerCommand, whoever sent it (a CLI command, a key, the socket, MPRIS
 * or MPD), runs here against the playback service. Answers how many songs a queue command added
 * or removed, when it did.
 */
export function createPlayerDispatcher(deps: DispatcherDeps): (command: PlayerCommand) => Promise<number | undefined> {
  const { playback, catalog, selection } = deps;

  async function songsOf(wanted: SongSelection): Promise<Song[]> {
    if (wanted.song_ids !== undefined) {
      if (wanted.words || wanted.playlist !== undefined || wanted.liked || wanted.artist !== undefined || wanted.album !== undefined) {
        throw new TunesError('usage', 'choose either song ids or a search, playlist, likes, artist or album, not both');
      }
      const found = await catalog.getSongs(wanted.song_ids);
      const known = new Set(found.map((song) => song.id));
      const missing = [...new Set(wanted.song_ids.filter((id) => !known.has(id)))];
      if (missing.length > 0) throw new TunesError('not_found', `no song with id ${missing.join(', ')}`);
      return found;
    }
    const songs = await selection.select(() => deps.requireUser(), wanted);
    if (songs.length === 0) throw new TunesError('not_found', 'no songs match');
    return songs;
  }

  return async (command) => {
    switch (command.type) {
      case 'play': {
        // A missing mpv is reported before anything else.
        playback.checkPlayer();
        const songs = await songsOf(command.selection);
        if (command.start !== undefined && command.start >= songs.length) {
          throw new TunesError('invalid_input', `start ${command.start + 1} is past the ${songs.length} songs selected`);
        }
        await playback.play(songs, {
          ...(command.start !== undefined ? { start: command.start } : {}),
          ...(command.shuffle !== undefined ? { shuffle: command.shuffle } : {}),
          ...(command.repeat !== undefined ? { repeat: command.repeat } : {}),
          queuedBy: await deps.currentUser(),
        });
        return songs.length;
      }
      case 'resume':
        if (playback.state().length === 0) throw emptyQueue();
        return void (await playback.resume());
      case 'pause':
        return void (await playback.setPaused(true));
      case 'toggle':
        if (playback.state().length === 0) throw emptyQueue();
        return void (await playback.togglePause());
      case 'stop':
        return void (await playback.stop());
      case 'next':
        if (playback.state().length === 0) throw emptyQueue();
        return void (await playback.next());
      case 'previous':
        if (playback.state().length === 0) throw emptyQueue();
        return void (await playback.previous());
      case 'seek':
        return void (await playback.seek(command.seconds, command.mode));
      case 'volume':
        return void (await (command.mode === 'absolute' ? playback.setVolume(command.value) : playback.changeVolume(command.value)));
      case 'mute':
        return void (await (command.muted === undefined ? playback.toggleMute() : playback.setMuted(command.muted)));
      case 'shuffle':
        return void (await playback.setShuffle(command.on ?? !playback.state().shuffle));
      case 'repeat':
        return void (await (command.mode === undefined ? playback.cycleRepeat() : playback.setRepeat(command.mode)));
      case 'queue-add': {
        const songs = await songsOf(command.selection);
        const by = await deps.currentUser();
        await (command.placement === 'next' ? playback.addNext(songs, by) : playback.addToEnd(songs, by));
        return songs.length;
      }
      case 'queue-remove':
        return playback.removeMany(command.entry_ids ? { keys: command.entry_ids } : { indexes: command.indexes ?? [] });
      case 'queue-move':
        return void (await playback.move(command.from, command.to));
      case 'queue-clear': {
        const count = playback.state().length;
        await playback.clear();
        return count;
      }
      case 'queue-play':
        if (command.entry_id !== undefined) return void (await playback.jumpToEntry(command.entry_id));
        return void (await playback.jump(command.index ?? 0));
      case 'quit':
        deps.onQuit();
        return undefined;
    }
  };
}

function emptyQueue(): TunesError {
  return new TunesError('not_found', 'the queue is empty');
}
