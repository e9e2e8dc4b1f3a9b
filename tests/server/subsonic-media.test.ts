import { execFile, execFileSync } from 'node:child_process';
import { readdirSync, readFileSync, readlinkSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { subsonicServer } from '../helpers/subsonic-server.js';
import { tempDir } from '../helpers/temp-dir.js';

const run = promisify(execFile);

/** What ffprobe makes of some bytes: codec and duration, proving they decode. */
async function probe(bytes: Uint8Array): Promise<{ codec: string; duration: number }> {
  const file = join(tempDir(), 'probe.bin');
  writeFileSync(file, bytes);
  const { stdout } = await run('ffprobe', ['-v', 'error', '-show_entries', 'stream=codec_name:format=duration', '-of', 'json', file]);
  const info = JSON.parse(stdout) as { streams: Array<{ codec_name: string }>; format: { duration: string } };
  return { codec: info.streams[0]!.codec_name, duration: Number(info.format.duration) };
}

/**
 * ffmpeg processes this test process started (the server runs in it), from /proc (no procps needed):
 * each with whether it has an audio file open (a transcode) or not (the spare kept ready, warm-ffmpeg.ts).
 */
function ffmpegs(): Array<{ pid: number; transcoding: boolean }> {
  const found: Array<{ pid: number; transcoding: boolean }> = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const [state, ppid] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // A zombie (Z) has ended already; it only waits to be reaped.
      if (comm !== 'ffmpeg' || Number(ppid) !== process.pid || state === 'Z') continue;
      const files = readdirSync(`/proc/${entry}/fd`).map((fd) => {
        try {
          return readlinkSync(`/proc/${entry}/fd/${fd}`);
        } catch {
          return '';
        }
      });
      found.push({ pid: Number(entry), transcoding: files.some((file) => file.endsWith('.flac')) });
    } catch {
      // The process ended while we looked.
    }
  }
  return found;
}

/** Transcodes running (ffmpegs reading a song), not counting the spare. */
const ffmpegChildren = () => ffmpegs().filter((ffmpeg) => ffmpeg.transcoding).length;

/** A stream URL made without requesting it (subsonic-api's stream() would start one). */
function streamUrl(base: string, apiKey: string, params: Record<string, string>): URL {
  const url = new URL('/rest/stream', base);
  for (const [name, value] of Object.entries({ apiKey, v: '1.16.1', c: 'test', ...params })) url.searchParams.set(name, value);
  return url;
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 50));
}

async function flacSong(byKey: Awaited<ReturnType<typeof subsonicServer>>['byKey']) {
  const songs = (await byKey.search3({ query: '', songCount: 100, albumCount: 0, artistCount: 0 })).searchResult3.song ?? [];
  return songs.find((song) => song.suffix === 'flac')!;
}

describe('Subsonic stream, download and transcoding', () => {
  it('streams the original with Content-Length and 206 ranges; download sends the original too', async () => {
    const { byKey, server, aliceKey } = await subsonicServer();
    const song = await flacSong(byKey);
    const whole = await byKey.stream({ id: song.id });
    expect(whole.status).toBe(200);
    expect(whole.headers.get('accept-ranges')).toBe('bytes');
    expect(whole.headers.get('content-type')).toBe('audio/flac');
    const bytes = new Uint8Array(await whole.arrayBuffer());
    expect(Number(whole.headers.get('content-length'))).toBe(bytes.length);
    expect(bytes.length).toBe(song.size);

    const part = await fetch(streamUrl(server.url, aliceKey.key, { id: song.id }), { headers: { range: 'bytes=10-29' } });
    expect(part.status).toBe(206);
    expect(part.headers.get('content-range')).toBe(`bytes 10-29/${bytes.length}`);
    expect(new Uint8Array(await part.arrayBuffer())).toEqual(bytes.slice(10, 30));
    const raw = await byKey.stream({ id: song.id, format: 'raw', maxBitRate: 64 });
    expect(raw.headers.get('content-type')).toBe('audio/flac');
    await raw.arrayBuffer();

    const download = await byKey.download({ id: song.id });
    expect(download.headers.get('content-disposition')).toMatch(/^attachment; filename\*=UTF-8''/);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(bytes);
  });

  it('transcodes to mp3, opus and aac on the fly (bytes ffprobe decodes), and from timeOffset', async () => {
    const { byKey, server } = await subsonicServer();
    const song = await flacSong(byKey);
    for (const [format, codec, mime] of [['mp3', 'mp3', 'audio/mpeg'], ['opus', 'opus', 'audio/ogg'], ['aac', 'aac', 'audio/aac']] as const) {
      const answer = await byKey.stream({ id: song.id, format: format as never, maxBitRate: 96 });
      expect(answer.status).toBe(200);
      expect(answer.headers.get('content-type')).toBe(mime);
      expect(answer.headers.get('accept-ranges')).toBeNull();
      expect(answer.headers.get('content-length')).toBeNull();
      const decoded = await probe(new Uint8Array(await answer.arrayBuffer()));
      expect(decoded.codec).toBe(codec);
      expect(Math.abs(decoded.duration - song.duration!)).toBeLessThan(1.5);
    }
    // A bit rate below the file's, no format: mp3, as Subsonic servers do.
    expect(song.bitRate).toBeGreaterThan(24);
    const slow = await byKey.stream({ id: song.id, maxBitRate: 24 });
    expect(slow.headers.get('content-type')).toBe('audio/mpeg');
    expect((await probe(new Uint8Array(await slow.arrayBuffer()))).codec).toBe('mp3');
    // At or above the file's own rate there is nothing to gain: the original.
    const fast = await byKey.stream({ id: song.id, maxBitRate: song.bitRate! + 100 });
    expect(fast.headers.get('accept-ranges')).toBe('bytes');
    await fast.arrayBuffer();

    // timeOffset starts mid-song: a 5 s file from 2 s on decodes to about 3 s.
    const file = await server.store.db.selectFrom('songs').select('path').where('id', '=', Number(song.id)).executeTakeFirstOrThrow();
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'sine=f=440:r=44100', '-t', '5', '-c:a', 'flac', `${file.path}.tmp.flac`]);
    execFileSync('mv', [`${file.path}.tmp.flac`, file.path]);
    const later = await byKey.stream({ id: song.id, format: 'mp3', timeOffset: 2 } as never);
    expect(Math.abs((await probe(new Uint8Array(await later.arrayBuffer()))).duration - 3)).toBeLessThan(0.3);
  });

  it('ends ffmpeg when the client goes away, and refuses past the concurrent transcode cap', async () => {
    const { byKey, server, aliceKey } = await subsonicServer({ transcoding: { maxConcurrent: 1 } });
    const song = await flacSong(byKey);
    const before = ffmpegChildren();
    // A long input keeps ffmpeg busy: a minute of silence the catalogue knows as this song's file.
    const file = await server.store.db.selectFrom('songs').select('path').where('id', '=', Number(song.id)).executeTakeFirstOrThrow();
    execFileSync('ffmpeg', ['-v', 'error', '-y', '-f', 'lavfi', '-i', 'anullsrc=r=44100:cl=stereo', '-t', '600', '-c:a', 'flac', `${file.path}.tmp.flac`]);
    execFileSync('mv', [`${file.path}.tmp.flac`, file.path]);
    const abort = new AbortController();
    // 320 kb/s of ten minutes is far more than socket buffers hold: ffmpeg waits on the reader.
    const first = await fetch(streamUrl(server.url, aliceKey.key, { id: song.id, format: 'mp3', maxBitRate: '320' }), { signal: abort.signal });
    const reader = first.body!.getReader();
    await reader.read();
    expect(ffmpegChildren()).toBe(before + 1);
    const refused = (await (await byKey.stream({ id: song.id, format: 'mp3', f: 'json' } as never)).json()) as { 'subsonic-response': { error: { message: string } } };
    expect(refused['subsonic-response'].error.message).toMatch(/already transcoding 1 stream/);
    abort.abort();
    await until(() => ffmpegChildren() === before);
    const again = await byKey.stream({ id: song.id, format: 'mp3', maxBitRate: 32 });
    expect(again.headers.get('content-type')).toBe('audio/mpeg');
    await again.body!.cancel();
    await until(() => ffmpegChildren() === before);
  });

  it('keeps one ffmpeg ready for the next transcode of the same profile, which reads any path, and ends it at close', async () => {
    const { byKey, server } = await subsonicServer();
    const song = await flacSong(byKey);
    // A name the spare's concat list must quote: an apostrophe, spaces, a percent sign.
    const file = await server.store.db.selectFrom('songs').select('path').where('id', '=', Number(song.id)).executeTakeFirstOrThrow();
    const odd = join(tempDir(), "Don't Stop 100% .flac");
    renameSync(file.path, odd);
    await server.store.db.updateTable('songs').set({ path: odd }).where('id', '=', Number(song.id)).execute();

    const opus = { id: song.id, format: 'opus' as never, maxBitRate: 64 };
    const first = await byKey.stream(opus);
    expect((await probe(new Uint8Array(await first.arrayBuffer()))).codec).toBe('opus');
    await until(() => ffmpegs().filter((ffmpeg) => !ffmpeg.transcoding).length === 1);
    const [spare] = ffmpegs();
    // The same profile again: its bytes decode whole, and the spare was the ffmpeg that made them
    // (an untaken spare would still be waiting: a new one replaces only a spare that was used).
    const second = await byKey.stream(opus);
    const decoded = await probe(new Uint8Array(await second.arrayBuffer()));
    expect(decoded.codec).toBe('opus');
    expect(Math.abs(decoded.duration - song.duration!)).toBeLessThan(1.5);
    await until(() => !ffmpegs().some((ffmpeg) => ffmpeg.pid === spare!.pid));
    await until(() => ffmpegs().filter((ffmpeg) => !ffmpeg.transcoding).length === 1);
    // Another profile replaces the spare; closing the server ends it.
    await (await byKey.stream({ id: song.id, format: 'mp3', maxBitRate: 96 })).arrayBuffer();
    await until(() => ffmpegs().length === 1);
    await server.stop();
    await until(() => ffmpegs().length === 0);
  });

  it('without ffmpeg streams only originals and claims no transcodeOffset', async () => {
    const { byKey } = await subsonicServer({ transcoding: { ffmpeg: '/nonexistent/ffmpeg' } });
    const song = await flacSong(byKey);
    const answer = await byKey.stream({ id: song.id, format: 'mp3', maxBitRate: 64 });
    expect(answer.headers.get('content-type')).toBe('audio/flac');
    expect(answer.headers.get('accept-ranges')).toBe('bytes');
    await answer.arrayBuffer();
    const names = ((await byKey.getOpenSubsonicExtensions()) as { openSubsonicExtensions: Array<{ name: string }> }).openSubsonicExtensions.map((e) => e.name);
    expect(names).toContain('apiKeyAuthentication');
    expect(names).not.toContain('transcodeOffset');
  });

  it('advertises transcodeOffset with ffmpeg', async () => {
    const { byKey } = await subsonicServer();
    const names = ((await byKey.getOpenSubsonicExtensions()) as { openSubsonicExtensions: Array<{ name: string }> }).openSubsonicExtensions.map((e) => e.name);
    expect(names).toContain('transcodeOffset');
  });
});
