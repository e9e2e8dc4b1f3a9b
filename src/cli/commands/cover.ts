import { copyFileSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { TunesError } from '../../errors.js';
import { MAX_COVER_SIZE, MIN_COVER_SIZE } from '../../services/covers/cover-service.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { emit, withJson, type JsonOption } from '../output.js';
import { wholeNumber } from '../parse-number.js';
import type { CliRuntime } from '../runtime.js';
import { playerPaths } from '../../config/player-paths.js';
import { PlayerClient } from '../../remote/player-client.js';
import { coverPixels, coverPng } from '../../services/covers/resize.js';
import { halfBlockLines } from '../../text/cover-art/half-blocks.js';
import { chooseArtProtocol, itermImage, kittyImage } from '../../text/cover-art/image-protocols.js';
import { sixelImage } from '../../text/cover-art/sixel.js';
import { parseInteger } from '../parse-ids.js';

interface CoverOptions extends JsonOption {
  album?: number;
  song?: number;
  output?: string;
  size?: number;
  show?: boolean;
  columns?: number;
}

export function registerCoverCommand(program: Command, runtime: CliRuntime): void {
  withJson(
    program
      .command('cover')
      .description("write an album's cover (or a song's: its own picture, else its album's) to a file")
      .option('--album <id>', 'the album with this id (see tunes albums)', wholeNumber('--album'))
      .option('--song <id>', 'the song with this id (see tunes songs)', wholeNumber('--song'))
      .option('-o, --output <file>', 'where to write the image; - for standard output')
      .option('--size <pixels>', `fit it inside this many pixels square (${MIN_COVER_SIZE}-${MAX_COVER_SIZE}; default: as found)`, wholeNumber('--size'))
      .option('--show', 'draw it in the terminal (kitty, iTerm2, sixel or colour half blocks: the cover-art setting); no id: the song playing')
      .option('--columns <n>', 'with --show: how many columns wide (default 24)', wholeNumber('--columns'))
      .argument('[song-id]', 'with --show: the song (default: the one the player is on)'),
  ).action(async (songArg: string | undefined, options: CoverOptions) => {
    if (options.show) return showCover(runtime, program, songArg, options);
    if (songArg !== undefined) throw new TunesError('usage', 'a song id goes with --show; to write a file, use --song <id>');
    if ((options.album === undefined) === (options.song === undefined)) {
      throw new TunesError('usage', 'name either --album <id> or --song <id>');
    }
    if (options.output === undefined) throw new TunesError('usage', 'name the file to write with -o <file> (- for standard output)');
    const toStdout = options.output === '-';
    if (toStdout && runtime.stdout.isTTY) throw new TunesError('usage', 'an image would garble the terminal: redirect standard output, or name a file with -o');
    if (toStdout && options.json) throw new TunesError('usage', '--json prints a document on standard output: write the image to a file with -o');
    const { covers } = await runtime.services();
    const cover = options.album !== undefined ? await covers.albumCover(options.album, options.size) : await covers.songCover(options.song!, options.size);
    if (toStdout) {
      runtime.stdout.write(readFileSync(cover.path));
      return;
    }
    const file = resolve(options.output);
    try {
      copyFileSync(cover.path, file);
    } catch (cause) {
      throw new TunesError('io', `cannot write ${options.output}: ${(cause as NodeJS.ErrnoException).code ?? String(cause)}`);
    }
    const what = options.album !== undefined ? { album_id: options.album } : { song_id: options.song };
    emit(runtime, options, { ...what, file, mime: cover.mime, byte_size: cover.byte_size }, () => `Wrote ${terminalSafe(file)} (${cover.mime}, ${cover.byte_size} bytes)`);
  });
}

async function showCover(runtime: CliRuntime, program: Command, songArg: string | undefined, options: CoverOptions): Promise<void> {
  if (options.output !== undefined || options.json) throw new TunesError('usage', '--show draws in the terminal: leave out -o and --json');
  const { covers, settings } = await runtime.services();
  // The browser's setting, without asking the terminal (its answer would land in the shell's input).
  const protocol = chooseArtProtocol(settings.current()['cover-art'], process.env);
  if (protocol === 'off') throw new TunesError('usage', 'this terminal shows no colour (NO_COLOR, a monochrome TERM, or cover-art off): write the cover to a file with -o');
  const columns = Math.max(4, Math.min(200, options.columns ?? 24));
  const rows = Math.ceil(columns / 2);
  // Half blocks draw from the cache's small copy (decoding a 1200 px original costs several times more).
  const size = protocol === 'kitty' || protocol === 'iterm' || protocol === 'sixel' ? undefined : Math.min(MAX_COVER_SIZE, Math.max(MIN_COVER_SIZE, columns * 4));
  let cover;
  if (options.album !== undefined) cover = await covers.albumCover(options.album, size);
  else {
    const songId = options.song ?? (songArg !== undefined ? parseInteger(songArg, 'song id') : await playingSongId(program));
    cover = await covers.songCover(songId, size);
  }
  const bytes = readFileSync(cover.path);
  if (protocol === 'sixel') {
    // A cell as most terminals draw it at 10-11 pt: 10 x 20 pixels.
    runtime.stdout.write(`${sixelImage(await coverPixels(bytes, columns * 10, rows * 20))}\n`);
    return;
  }
  if (protocol === 'kitty' || protocol === 'iterm') {
    const png = await coverPng(bytes, 600);
    runtime.stdout.write(`${protocol === 'kitty' ? kittyImage(png, columns, rows) : itermImage(png, columns, rows)}\n`);
    return;
  }
  const pixels = await coverPixels(bytes, columns, rows * 2);
  runtime.stdout.write(`${halfBlockLines(pixels, protocol === 'halfblocks' ? 'truecolor' : '256').join('\n')}\n`);
}

async function playingSongId(program: Command): Promise<number> {
  const player = await PlayerClient.connect(playerPaths({ dbOverride: program.opts<{ db?: string }>().db }).socket);
  if (!player) throw new TunesError('not_found', 'the player is not running: name a song id, or play something first');
  const state = await player.state().finally(() => player.close());
  if (!state.song) throw new TunesError('not_found', 'nothing is playing: name a song id');
  return state.song.id;
}
