import type { Command } from 'commander';
import { playerPaths } from '../../config/player-paths.js';
import type { Lyrics } from '../../domain/lyrics.js';
import type { PlayerSong } from '../../domain/player-state.js';
import { TunesError } from '../../errors.js';
import { PlayerClient } from '../../remote/player-client.js';
import { terminalSafe, terminalSafeJson } from '../../text/terminal-safe.js';
import { followLyrics } from '../lyrics-follow.js';
import { socketAppears } from '../remote/socket-appears.js';
import { emit, humanText, withJson, type JsonOption } from '../output.js';
import { parseInteger } from '../parse-ids.js';
import { lyricsLineText, presentLyrics } from '../present/lyrics.js';
import type { CliRuntime } from '../runtime.js';

interface LyricsOptions extends JsonOption {
  follow?: boolean;
}

export function registerLyricsCommand(program: Command, runtime: CliRuntime): void {
  withJson(
    program
      .command('lyrics')
      .description("print a song's lyrics (no id: the song playing), synced lines with their times")
      .argument('[song-id]', 'the song (see tunes songs); default: the one the player is on')
      .option('--follow', 'print each line as the playing song reaches it, until interrupted (JSON lines with --json)'),
  ).action(async (songArg: string | undefined, options: LyricsOptions) => {
    if (options.follow && songArg !== undefined) throw new TunesError('usage', '--follow follows the song playing: give no song id');
    const { lyrics: service } = await runtime.services();
    if (options.follow) return follow(runtime, program, options, (id) => service.ofSong(id));
    let songId: number;
    if (songArg !== undefined) songId = parseInteger(songArg, 'song id');
    else {
      const player = await runningPlayer(program);
      const state = await player.state().finally(() => player.close());
      if (!state.song) throw new TunesError('not_found', 'nothing is playing: name a song id');
      songId = state.song.id;
    }
    const lyrics = await service.ofSong(songId);
    emit(runtime, options, presentLyrics(songId, lyrics), () =>
      lyrics ? lyrics.lines.map(lyricsLineText).map(terminalSafe).join('\n') : `no lyrics for song ${songId}`,
    );
  });
}

async function runningPlayer(program: Command): Promise<PlayerClient> {
  const paths = playerPaths({ dbOverride: program.opts<{ db?: string }>().db });
  const player = await PlayerClient.connect(paths.socket);
  if (!player) throw new TunesError('not_found', 'the player is not running: name a song id, or play something first');
  return player;
}

/** Follows the player; while none runs, waits for one to start (watching its folder: no polling). */
async function follow(runtime: CliRuntime, program: Command, options: LyricsOptions, lyricsOf: (id: number) => Promise<Lyrics | null>): Promise<void> {
  const paths = playerPaths({ dbOverride: program.opts<{ db?: string }>().db });
  let stopped = false;
  const stop = new Promise<void>((resolve) => {
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, () => resolve());
    runtime.stdout.once('error', () => resolve());
  });
  void stop.then(() => (stopped = true));
  const write = (text: string) => runtime.stdout.write(text);
  const title = (song: PlayerSong) => `${song.title} — ${song.artist}`;
  while (!stopped) {
    const player = await PlayerClient.connect(paths.socket);
    if (!player) {
      await Promise.race([stop, socketAppears(paths.runtimeDir)]);
      continue;
    }
    await followLyrics(
      player,
      lyricsOf,
      options.json
        ? {
            song: (song, lyrics) => write(`${terminalSafeJson({ song_id: song.id, synced: lyrics?.synced ?? false, lines: lyrics?.synced ? undefined : (lyrics?.lines ?? []) })}\n`),
            line: (song, lyrics, i) => write(`${terminalSafeJson({ song_id: song.id, ...lyrics.lines[i] })}\n`),
          }
        : {
            song: (song, lyrics) => {
              const heading = `♪ ${terminalSafe(title(song))}`;
              if (!lyrics) write(humanText(`${heading}\n(no lyrics)`));
              else if (!lyrics.synced) write(humanText(`${heading}\n${lyrics.lines.map((l) => terminalSafe(l.text)).join('\n')}`));
              else write(humanText(heading));
            },
            line: (_song, lyrics, i) => write(`${terminalSafe(lyrics.lines[i]!.text)}\n`),
          },
      stop,
    );
    player.close();
  }
}
