// Child process for the `ui` bench section (plain JS on a bundle of tests/bench/ui-bench-entry.ts built
// with the shipped build's esbuild options, so module loading and memory are those of `tunes`, not of a
// TypeScript loader or the unbundled dist). Prints one JSON object on stdout.
//   node --expose-gc ui-worker.mjs ink-floor
//   node --expose-gc ui-worker.mjs register <db> <home> <bundled ui-bench-entry.js>
//   node --expose-gc ui-worker.mjs app <db> <home> <bundled ui-bench-entry.js> [<cover.jpg> [in-frame]]
//     (with a cover: the playing song's cover in the now-playing area, as 24-bit half blocks, drawn
//     as the browser draws them; `in-frame`: as the previous stop drew them, colour codes in Ink's frame)
import { EventEmitter } from 'node:events';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';

const mode = process.argv[2];
// As `tunes` does before loading the UI (see src/cli/commands/ui.ts): React's production build.
process.env.NODE_ENV ??= 'production';
const size = { columns: 100, rows: 30 };

class FakeStdout extends EventEmitter {
  isTTY = true;
  columns = size.columns;
  rows = size.rows;
  writes = [];
  count = 0;
  write(chunk) {
    // Only recent frames are kept, so the bench itself does not grow the memory it measures.
    this.count += 1;
    this.writes.push({ at: performance.now(), text: String(chunk) });
    if (this.writes.length > 50) this.writes.splice(0, this.writes.length - 50);
    this.emit('wrote');
    return true;
  }
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  data = null;
  write(data) {
    this.data = data;
    this.emit('readable');
    this.emit('data', data);
  }
  setEncoding() {}
  setRawMode() {}
  resume() {}
  pause() {}
  ref() {}
  unref() {}
  read() {
    const { data } = this;
    this.data = null;
    return data;
  }
}

const mib = (bytes) => bytes / 1024 / 1024;
/** Where the memory is at each stage (after GC), for the section's log: rss, JS heap, and outside it. */
const stages = [];
/**
 * Resident memory once the process has settled after two full collections, as `ps` shows it a moment
 * later: V8 hands the pages a collection frees back to the system from a background task, so a
 * figure read right after gc() still counts them (up to ~20 MiB more, varying run to run).
 */
async function rssAfterGc(stage) {
  globalThis.gc?.();
  globalThis.gc?.();
  await sleep(SETTLE_MS);
  const byKind = residentByKind();
  const m = process.memoryUsage();
  if (stage) stages.push({ stage, ...byKind, rss: +mib(m.rss).toFixed(1), heapUsed: +mib(m.heapUsed).toFixed(1), heapTotal: +mib(m.heapTotal).toFixed(1), external: +mib(m.external).toFixed(1), newSpace: +mib(v8.getHeapSpaceStatistics().find((x) => x.space_name === 'new_space')?.space_size ?? 0).toFixed(1) });
  return mib(m.rss);
}

/** Resident memory by kind of mapping (/proc/self/smaps): malloc's main heap, other anonymous memory (V8's pages, thread arenas), files (code). */
function residentByKind() {
  const kinds = { mallocHeap: 0, anonymous: 0, files: 0 };
  let kind = 'anonymous';
  for (const line of readFileSync('/proc/self/smaps', 'utf8').split('\n')) {
    const mapping = /^[0-9a-f]+-[0-9a-f]+ \S+ \S+ \S+ \S+\s*(.*)$/.exec(line);
    if (mapping) kind = mapping[1] === '[heap]' ? 'mallocHeap' : mapping[1].startsWith('/') ? 'files' : 'anonymous';
    else if (line.startsWith('Rss:')) kinds[kind] += Number(line.split(/\s+/)[1]) / 1024;
  }
  return Object.fromEntries(Object.entries(kinds).map(([k, v]) => [k, +v.toFixed(1)]));
}

/** Resolves with the time of the first write (at or after `since`) whose text satisfies `check`. */
function waitForWrite(stdout, since, check) {
  return new Promise((resolve, reject) => {
    const deadline = setTimeout(() => reject(new Error(`no matching frame; last: ${stdout.writes.at(-1)?.text.slice(0, 400)}`)), 120_000);
    const look = () => {
      for (let i = stdout.writes.length - 1; i >= 0; i -= 1) {
        const w = stdout.writes[i];
        if (w.at < since) break;
        if (check(w.text)) {
          clearTimeout(deadline);
          stdout.off('wrote', look);
          resolve(w.at);
          return;
        }
      }
    };
    stdout.on('wrote', look);
    look();
  });
}

/** PgDn presses after the timed keys: about 3,000 rows of a 30-row terminal. */
const PAGES = 110;
const SETTLE_MS = 1000;
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p95 = (xs) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)];

if (mode === 'ink-floor') {
  const t0 = performance.now();
  const { render, Text } = await import('ink');
  const React = await import('react');
  const importMs = performance.now() - t0;
  const stdout = new FakeStdout();
  const app = render(React.createElement(Text, null, 'hello'), { stdout, stdin: new FakeStdin(), exitOnCtrlC: false, patchConsole: false });
  await waitForWrite(stdout, 0, (t) => t.includes('hello'));
  const rss = await rssAfterGc();
  app.unmount();
  process.stdout.write(JSON.stringify({ importMs, rss }));
  process.exit(0);
}

// Logging in is its own `tunes login` process, not part of the one running the UI: a user is registered
// here, in a process of its own, so its hashing and writes do not count in the app's memory.
if (mode === 'register') {
  const [dbPath, home, entry] = process.argv.slice(3);
  const env = { ...process.env, TUNES_HOME: home, TUNES_AUDIO_OUTPUT: 'null' };
  const { openStore, openLocalConfig, createAuthService, createLocalSession, systemClock } = await import(pathToFileURL(entry).href);
  const store = await openStore(dbPath);
  const auth = createAuthService({ db: store.db, clock: systemClock, scryptParams: { logN: 10, r: 8, p: 1 } });
  await createLocalSession({ auth, config: openLocalConfig(env) }).register(`bench${Date.now() % 100000}`, 'bench password');
  await store.close();
  process.stdout.write('{}');
  process.exit(0);
}

if (mode === 'app') {
  const [dbPath, home, entry, coverPath, coverMode] = process.argv.slice(3);
  const env = { ...process.env, TUNES_HOME: home, TUNES_AUDIO_OUTPUT: 'null' };
  await rssAfterGc('node');
  const { openStore, buildServices, openLocalConfig, systemClock, loadUi, PlayerLink, STOPPED_STATE } = await import(pathToFileURL(entry).href);
  await rssAfterGc('services code loaded');
  const store = await openStore(dbPath);
  await rssAfterGc('database open');
  const config = openLocalConfig(env);
  const services = buildServices(store, config, systemClock, env);
  // As the UI's first screen does: the stored session's user.
  await services.session.currentUser();
  await rssAfterGc('services built, session read');
  const total = await services.catalog.countSongs();
  await rssAfterGc('songs counted');
  // What to search for: the first word of a title from the middle of the catalogue, as typed.
  const middle = store.sqlite.prepare('select title from songs where id >= ? order by id limit 1').get(Math.floor(total / 2));
  const word = String(middle?.title ?? 'a').split(/\s+/)[0].toLowerCase().normalize('NFD').replace(/[^a-z0-9]/g, '').slice(0, 8) || 'a';
  const rssServices = await rssAfterGc('before the UI');

  // First frame: from importing the UI (Ink, React, screens) to the first screenful of songs.
  const renderTimes = [];
  const stdout = new FakeStdout();
  const stdin = new FakeStdin();
  const t0 = performance.now();
  const { appTree, connectServices, MONO_THEME, UI_MAX_FPS, render, coverArtOn } = await loadUi();
  const importMs = performance.now() - t0;
  // A player paused on the first song (no player process: its commands fail, the bench sends none).
  const first = store.sqlite.prepare('select id, title, artist, album from songs order by id limit 1').get();
  const playing = { ...STOPPED_STATE, status: 'paused', queue_index: 0, queue_length: 1, song: { ...first, duration_ms: 200_000 } };
  const player = new PlayerLink(() => Promise.reject(new Error('no player in the bench')), playing);
  const { size: coverBytes } = coverPath ? (await import('node:fs')).statSync(coverPath) : { size: 0 };
  const coverFile = async () => ({ path: coverPath, mime: 'image/jpeg', etag: 'bench', byte_size: coverBytes });
  const drawn = coverPath ? coverArtOn('halfblocks', { albumCover: coverFile, songCover: coverFile }, stdout) : undefined;
  const art = coverMode === 'in-frame' ? { source: drawn.source } : drawn;
  const app = render(appTree({ connection: connectServices(services, player), theme: MONO_THEME, onQuit: () => {}, terminal: { size }, art }), {
    stdout: art?.halfBlocks?.stdout ?? stdout, stdin, exitOnCtrlC: false, patchConsole: false, maxFps: UI_MAX_FPS, onRender: (m) => renderTimes.push(m.renderTime),
  });
  const firstAny = await waitForWrite(stdout, t0, (t) => t.trim().length > 0);
  // Songs on screen (the exact count may still be on its way: the title then says "1/100+").
  const firstSongs = await waitForWrite(stdout, t0, (t) => /tunes › Songs \(1\//.test(t) && !t.includes('⋯') && !t.includes('loading'));
  const firstCount = await waitForWrite(stdout, t0, (t) => t.includes(`(1/${total})`));
  // With art: its half blocks on screen before any key is timed.
  if (coverPath) await waitForWrite(stdout, t0, (t) => (t.match(/▀/g)?.length ?? 0) >= 72);
  await sleep(300);
  const rssFirst = await rssAfterGc('first frame, count shown');

  // A key press in the million-song list: from the key to the frame showing its effect.
  async function press(key, expect) {
    await sleep(40);
    const at = performance.now();
    stdin.write(key);
    return (await waitForWrite(stdout, at, (t) => t.includes(expect) && !t.includes('⋯'))) - at;
  }
  /** PgDn until the title's position moves past `from`; answers the new position. */
  async function pageDown(from) {
    await sleep(10);
    const at = performance.now();
    stdin.write('\x1b[6~');
    let position = from;
    await waitForWrite(stdout, at, (t) => {
      const shown = Number(new RegExp(`\\((\\d+)/${total}\\)`).exec(t)?.[1] ?? from);
      if (shown > from && !t.includes('⋯')) position = shown;
      return position > from;
    });
    return position;
  }
  const down = [];
  // CPU time too: on a loaded box the wall time of a key is mostly waiting for a core.
  const cpuBefore = process.cpuUsage();
  for (let i = 2; i <= 151; i += 1) down.push(await press('j', `(${i}/${total})`));
  const cpuUsed = process.cpuUsage(cpuBefore);
  const downCpuMs = (cpuUsed.user + cpuUsed.system) / 1000 / 150;
  // A few thousand rows more, a page at a time (what a person paging through the list does).
  let row = 151;
  for (let i = 0; i < PAGES; i += 1) row = await pageDown(row);
  const rssScrolled = await rssAfterGc(`scrolled ${row} rows`);
  const bottomMs = await press('G', `(${total}/${total})`);
  const up = [];
  for (let i = total - 1; i >= total - 150; i -= 1) up.push(await press('k', `(${i}/${total})`));
  await rssAfterGc('scrolled to the end and back');

  // Search: each keystroke of a word, until the frame holds that prefix's results (not the old rows).
  await press('/', '/ ');
  const typing = [];
  let typed = '';
  for (const ch of word) {
    typed += ch;
    const prefix = typed;
    await sleep(40);
    const at = performance.now();
    stdin.write(ch);
    typing.push((await waitForWrite(stdout, at, (t) => t.includes(`/ ${prefix}`) && !t.includes('loading') && !t.includes('⋯'))) - at);
  }
  // Baseline: the same searches straight through the catalog service.
  const direct = [];
  typed = '';
  for (const ch of word) {
    typed += ch;
    const at = performance.now();
    await services.catalog.listSongs({ query: typed, limit: 100, page: 1 });
    direct.push(performance.now() - at);
  }
  const rss = await rssAfterGc('searched');
  app.unmount();
  await services.close();
  process.stdout.write(JSON.stringify({
    total, word, importMs, firstAnyMs: firstAny - t0, firstSongsMs: firstSongs - t0, firstCountMs: firstCount - t0,
    downMedian: median(down), downP95: p95(down), downCpuMs, upMedian: median(up), upP95: p95(up), bottomMs,
    searchMedian: median(typing), searchMax: Math.max(...typing), searchEach: typing,
    directMedian: median(direct), directMax: Math.max(...direct), rss, rssServices, rssFirst, rssScrolled, scrolledRows: row, heap: mib(process.memoryUsage().heapUsed), writes: stdout.count, inkRenderMedian: median(renderTimes), inkRenders: renderTimes.length, stages,
  }));
  process.exit(0);
}
