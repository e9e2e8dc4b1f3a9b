import { Option, type Command } from 'commander';
import { TunesError, isTunesError } from '../../errors.js';
import type { Song } from '../../domain/song.js';
import type { Services } from '../../services/container.js';
import type { PlaybackEvent, SongSummary } from '../../services/playback/playback-state.js';
import type { RepeatMode } from '../../services/playback/queue.js';
import { note } from '../output.js';
import { runPlayerOnTerminal } from '../play/interactive-player.js';
import { formatLength } from '../play/status-line.js';
import { presentSong } from '../present/song.js';
import type { CliRuntime } from '../runtime.js';
import { terminalSafe, terminalSafeJson } from '../../text/terminal-safe.js';

interface PlayOptions {
  playlist?: string;
  liked?: boolean;
  artist?: string;
  album?: string;
  shuffle?: boolean;
  repeat?: RepeatMode;
  json?: boolean;
}

export function registerPlayCommand(program: Command, runtime: CliRuntime): void {
  program
    .command('play')
    .description('play songs in the foreground (search words, a playlist, your likes, or the whole library)')
    .argument('[words...]', 'search words: play the matching songs in catalogue order')
    .option('--playlist <name>', 'play one of your playlists')
    .option('--liked', 'play your liked songs')
    .option('--artist <name>', 'only songs by this artist')
    .option('--album <name>', 'only songs from this album')
    .option('--shuffle', 'shuffle the queue')
    .addOption(new Option('--repeat <mode>', 'repeat the queue or one song').choices(['off', 'all', 'one']).default('off'))
    .option('--json', 'when not on a terminal: one JSON object per line as each track starts')
    .action(async (words: string[], options: PlayOptions) => {
      const services = await runtime.services();
      // A missing mpv is reported before anything else; then mpv starts while we pick the songs.
      services.playback.checkPlayer();
      // A setting that is not valid (config.json edited by hand) is reported before anything plays.
      const settings = services.settings.current();
      const warming = services.playback.warmUp();
      warming.catch(() => undefined);
      const userId = await currentUserId(services);
      const requireUser = async () => userId ?? (await services.session.currentUser()).id;
      const songs = await services.playSelection.select(requireUser, {
        words: words.join(' '),
        playlist: options.playlist,
        liked: options.liked,
        artist: options.artist,
        album: options.album,
      });
      await warming;
      if (songs.length === 0) throw new TunesError('not_found', 'no songs match');
      services.playback.setListener(userId);

      if (runtime.stdin.isTTY && runtime.stdout.isTTY && !options.json) {
        const steps = { seekSeconds: settings['seek-step'], volumeStep: settings['volume-step'] };
        const { started, unplayable } = await runPlayerOnTerminal(runtime, services.playback, () => services.playback.play(songs, playOptions(options)), steps);
        if (unplayable && started === 0) throw nothingPlayable();
        return;
      }
      await playToPipe(runtime, services, songs, () => services.playback.play(songs, playOptions(options)), Boolean(options.json));
    });
}

const playOptions = (options: PlayOptions) => ({ shuffle: Boolean(options.shuffle), repeat: options.repeat ?? 'off' });

/** History is kept for the logged-in user; playing without an account is fine. */
async function currentUserId(services: Services): Promise<number | undefined> {
  try {
    return (await services.session.currentUser()).id;
  } catch (error) {
    if (isTunesError(error) && error.code === 'not_logged_in') return undefined;
    throw error;
  }
}

/** The queue ran out without one song starting: every file was missing or unreadable. */
function nothingPlayable(): TunesError {
  return new TunesError('io', 'none of the selected songs could be played', 'if files moved, `tunes library scan` brings the catalogue up to date');
}

export function trackLine(song: SongSummary, index: number, length: number): string {
  return `${index + 1}/${length} ${terminalSafe(`${song.artist} - ${song.title}`)} (${formatLength(song.durationMs)})`;
}

/** Not on a terminal: one line (or JSON object) per track as it starts; done when the queue ends. */
async function playToPipe(runtime: CliRuntime, services: Services, songs: readonly Song[], start: () => Promise<void>, json: boolean): Promise<void> {
  const { playback } = services;
  const byId = new Map(songs.map((song) => [song.id, song]));
  let stopSignal: () => void = () => undefined;
  let started = 0;
  const finished = new Promise<void>((resolve, reject) => {
    stopSignal = resolve;
    playback.subscribe((event: PlaybackEvent) => {
      if (event.type === 'track-start') {
        started += 1;
        const { song, index, length } = event;
        // Every queued song came from `songs`; the summary is only a fallback, in the same names.
        const full = byId.get(song.id);
        const shown = full ? presentSong(full) : { id: song.id, title: song.title, artist: song.artist, album: song.album, duration_ms: song.durationMs };
        runtime.stdout.write(json ? `${terminalSafeJson({ event: 'track', position: index + 1, length, song: shown })}\n` : `${trackLine(song, index, length)}\n`);
      } else if (event.type === 'warning') {
        note(runtime, `tunes: warning: ${event.message}`);
      } else if (event.type === 'ended') {
        // Skipping through songs before they start is not a failure: only files that could not be played are.
        if (event.unplayable && started === 0) reject(nothingPlayable());
        else resolve();
      } else if (event.type === 'error') {
        // Nobody is there to press a key that would restart mpv.
        reject(event.error);
      }
    });
  });
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const onSignal = () => stopSignal();
  for (const signal of signals) process.on(signal, onSignal);
  // The reader went away (`tunes play | head -1`): stop playing, quietly.
  const onOutputError = (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') stopSignal();
  };
  runtime.stdout.on('error', onOutputError);
  // Handled by the await below; this keeps an early rejection from counting as unhandled meanwhile.
  finished.catch(() => undefined);
  try {
    await start();
    await finished;
  } finally {
    for (const signal of signals) process.off(signal, onSignal);
    await playback.close();
    runtime.stdout.off('error', onOutputError);
  }
}
