import { createReadStream, statSync, writeFileSync, type ReadStream } from 'node:fs';
import { extname, resolve } from 'node:path';
import { Option, type Command } from 'commander';
import { TunesError } from '../../errors.js';
import { decodePlaylistBytes, IMPORT_FORMATS, type ImportFormat } from '../../services/playlists/formats/detect-format.js';
import { EXPORT_FORMATS, type ExportFormat } from '../../services/playlists/playlist-export.js';
import { MAX_PLAYLIST_FILE_BYTES } from '../../services/playlists/playlist-import.js';
import { emit, note, withJson, type JsonOption } from '../output.js';
import type { CliRuntime } from '../runtime.js';
import { terminalSafe, terminalSafeLines } from '../../text/terminal-safe.js';
import { withUser } from './current-user.js';
import { presentPlaylist } from '../present/playlist.js';
import { plural } from './playlist-render.js';

export function registerPlaylistTransferCommands(playlist: Command, runtime: CliRuntime): void {
  playlist
    .command('export')
    .description('write a playlist (or your liked songs) as M3U8 (default), XSPF or JSON, to stdout or a file')
    .argument('[playlist]')
    .option('--liked', 'export your liked songs, newest first')
    .addOption(new Option('--format <format>', 'file format (default: from -o, else m3u8)').choices(EXPORT_FORMATS))
    .option('-o, --output <file>', 'write to this file instead of stdout')
    .action(async (ref: string | undefined, options: { format?: ExportFormat; output?: string; liked?: boolean }) => {
      if ((ref === undefined) === !options.liked) throw new TunesError('usage', 'give a playlist or --liked (one of them)');
      const format = options.format ?? formatFromName(options.output) ?? 'm3u8';
      const { services, user } = await withUser(runtime);
      const from = ref === undefined ? ({ kind: 'liked' } as const) : ref;
      const { name, song_count: songCount, text } = await services.playlists.export(user.id, from, format);
      if (!options.output) {
        // On a terminal the file is read by a person: tags must not act on it. Redirected (`> x.m3u8`)
        // or piped, it is the file itself and stays exact, like -o.
        runtime.stdout.write(runtime.stdout.isTTY ? terminalSafeLines(text) : text);
        return;
      }
      const target = resolve(options.output);
      try {
        writeFileSync(target, text, 'utf8');
      } catch (error) {
        throw new TunesError('io', `cannot write ${target}: ${(error as Error).message}`);
      }
      note(runtime, `Exported "${name}" (${plural(songCount, 'song')}) to ${target}`);
    });

  withJson(
    playlist
      .command('import')
      .description('create a playlist from an M3U/M3U8, XSPF or tunes JSON file')
      .argument('<file>', 'the playlist file, or - for standard input')
      .option('--name <name>', 'name for the new playlist (default: the name in the file, else the file name)')
      .addOption(new Option('--format <format>', 'file format (default: from the extension or the content)').choices(IMPORT_FORMATS)),
  ).action(async (file: string, options: JsonOption & { name?: string; format?: ImportFormat }) => {
    const fromStdin = file === '-';
    const sourcePath = fromStdin ? undefined : resolve(file);
    const bytes = sourcePath === undefined ? await readBounded(runtime.stdin, 'standard input') : await readPlaylistFile(sourcePath);
    const { services, user } = await withUser(runtime);
    const result = await services.playlists.import(user.id, {
      text: decodePlaylistBytes(bytes),
      ...(sourcePath === undefined ? { baseDir: process.cwd() } : { sourcePath }),
      ...(options.name === undefined ? {} : { name: options.name }),
      ...(options.format === undefined ? {} : { format: options.format }),
    });
    const value = {
      playlist: presentPlaylist(result.playlist),
      format: result.format,
      total: result.total,
      matched: result.matched,
      unmatched: result.unmatched,
    };
    emit(runtime, options, value, (r) => {
      const lines = [`Imported "${r.playlist.name}" (id ${r.playlist.id}): ${r.matched} of ${r.total} ${r.total === 1 ? "entry" : "entries"} matched`];
      if (r.unmatched.length > 0) {
        lines.push('Not matched:');
        for (const u of r.unmatched) lines.push(`  ${u.ref}: ${terminalSafe(u.label)}`);
      }
      return lines.join('\n');
    });
  });
}

function formatFromName(file: string | undefined): ExportFormat | undefined {
  const ext = file ? extname(file).toLowerCase() : '';
  if (ext === '.m3u' || ext === '.m3u8') return 'm3u8';
  if (ext === '.xspf') return 'xspf';
  if (ext === '.json') return 'json';
  return undefined;
}

async function readPlaylistFile(path: string): Promise<Buffer> {
  let size: number;
  try {
    const info = statSync(path);
    if (info.isDirectory()) throw new TunesError('invalid_input', `${path} is a folder, not a playlist file`);
    size = info.isFile() ? info.size : 0;
  } catch (error) {
    if (error instanceof TunesError) throw error;
    throw new TunesError('io', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  // A regular file's size says it at once; anything else (a pipe, a device) is cut off while read.
  if (size > MAX_PLAYLIST_FILE_BYTES) throw tooLarge(path);
  try {
    return await readBounded(createReadStream(path), path);
  } catch (error) {
    if (error instanceof TunesError) throw error;
    throw new TunesError('io', `cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** Everything `stream` holds, up to the size a playlist file may have. */
async function readBounded(stream: NodeJS.ReadableStream, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream) {
    total += (chunk as Buffer).length;
    if (total > MAX_PLAYLIST_FILE_BYTES) {
      (stream as Partial<ReadStream>).destroy?.();
      throw tooLarge(what);
    }
    chunks.push(Buffer.from(chunk as Buffer));
  }
  return Buffer.concat(chunks);
}

function tooLarge(what: string): TunesError {
  return new TunesError('invalid_input', `${what} is too large for a playlist file (at most ${MAX_PLAYLIST_FILE_BYTES / 1024 / 1024} MB)`);
}
