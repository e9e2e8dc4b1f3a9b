import type { Lyrics } from '../domain/lyrics.js';
import type { PlayerEvent, PlayerSong, PlayerState } from '../domain/player-state.js';
import type { PlayerClient } from '../remote/player-client.js';
import { currentLineIndex } from '../services/lyrics/lrc-parser.js';

/** More lines than this reached at once (a seek forward): only the current one is printed. */
const CATCH_UP_LINES = 3;

export interface FollowOutput {
  /** A song started: its lyrics (null: none). */
  song(song: PlayerSong, lyrics: Lyrics | null): void;
  /** A line was reached (synced lyrics). */
  line(song: PlayerSong, lyrics: Lyrics, index: number): void;
}

/**
 * Prints each line of the playing song's lyrics as the song reaches it, until the player goes or
 * `stop` resolves. The player's state events (at least one a second while playing, one on every
 * pause, seek and song change) set where the song is; between them a timer waits for the next
 * line's time, so lines come on time without asking the player again.
 */
export function followLyrics(
  player: PlayerClient,
  lyricsOf: (songId: number) => Promise<Lyrics | null>,
  out: FollowOutput,
  stop: Promise<void>,
): Promise<void> {
  let song: PlayerSong | null = null;
  let lyrics: Lyrics | null = null;
  let printed = -1;
  let anchor = { position: 0, at: Date.now(), playing: false };
  let timer: NodeJS.Timeout | undefined;
  let chain = Promise.resolve();

  const positionNow = () => anchor.position + (anchor.playing ? Date.now() - anchor.at : 0);
  const advance = () => {
    clearTimeout(timer);
    if (!song || !lyrics?.synced) return;
    const index = currentLineIndex(lyrics.lines, positionNow());
    if (index !== printed && index >= 0) {
      const from = index > printed && index - printed <= CATCH_UP_LINES ? printed + 1 : index;
      for (let i = from; i <= index; i += 1) out.line(song, lyrics, i);
      printed = index;
    } else if (index < 0) printed = -1;
    const next = lyrics.lines[index + 1];
    if (anchor.playing && next?.start_ms != null) {
      timer = setTimeout(advance, Math.max(1, next.start_ms - positionNow()));
    }
  };
  const onState = async (state: PlayerState) => {
    anchor = { position: state.position_ms, at: Date.now(), playing: state.status === 'playing' };
    const id = state.song?.id ?? null;
    if (id !== (song?.id ?? null)) {
      song = state.song;
      lyrics = null;
      printed = -1;
      if (song) {
        lyrics = await lyricsOf(song.id).catch(() => null);
        out.song(song, lyrics);
      }
    }
    advance();
  };
  // Events are handled one after another: a song's lyrics are looked up before the next event moves on.
  const handle = (event: PlayerEvent) => {
    if (event.type === 'state') chain = chain.then(() => onState(event.state));
    else if (event.type === 'seeked') chain = chain.then(() => {
      anchor = { ...anchor, position: event.position_ms, at: Date.now() };
      advance();
    });
  };
  return new Promise<void>((resolve) => {
    const finish = () => {
      clearTimeout(timer);
      resolve();
    };
    player.onClose(finish);
    void stop.then(finish);
    player.subscribe(handle).then((state) => handle({ type: 'state', state }), finish);
  });
}
