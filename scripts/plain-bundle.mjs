// The esbuild options of dist/bundle/plain.cjs (src/cli/plain-entry.ts: the full CLI, for the plain
// read-only commands) and dist/bundle/player.cjs (src/cli/remote/player-entry.ts: the background
// player process), each ONE CommonJS file that main.ts runs from V8's code cache.
// - The full-screen browser is left out (Ink and yoga have top-level await, which CommonJS cannot
//   hold): main.ts never sends `tunes` or `tunes ui` here, and the stand-in says so if it were.
// - import.meta.url is this file's own URL: the tag reader's worker and the web app's folder are
//   found beside it (dist/bundle/tag-worker.js, dist/web/) as from the split build's chunks.
// - Packages only some other command loads are left outside (import() when used), so V8 reads and
//   caches less.
import { readFileSync, writeFileSync } from 'node:fs';
import { bundleOptions } from './bundle-options.mjs';

const UI_ENTRY = /\/ui\/run\.js$/;

const leaveOutTheBrowser = {
  name: 'leave-out-the-browser',
  setup(build) {
    build.onResolve({ filter: UI_ENTRY }, (args) => ({ path: args.path, namespace: 'no-browser' }));
    build.onLoad({ filter: /.*/, namespace: 'no-browser' }, () => ({
      contents: "export function runInteractive() { throw new Error('the full-screen browser runs from the split build (src/cli/main.ts)'); }",
      loader: 'js',
    }));
  },
};

// Node's built-ins that only some commands use, and that cost a plain command a few ms each to load
// (child_process brings dgram, crypto a dozen modules of its own...). Every module in this file runs
// when it loads, so the ones the songs listing never calls load all of these: deferBuiltins() makes
// each ES import of them a stand-in that loads the built-in on first use.
const DEFERRED = ['child_process', 'crypto', 'fs/promises', 'http', 'https', 'net', 'readline', 'stream', 'timers/promises', 'tls', 'worker_threads'];

// `__lazyB` is as long as `require`, so the source map's columns stay true after the rewrite.
const lazyBuiltin = `function __lazyB(name) {
  let real;
  const load = () => (real ??= require(name));
  return new Proxy({}, {
    get: (_, key) => load()[key],
    has: (_, key) => key in load(),
    ownKeys: () => Reflect.ownKeys(load()),
    getOwnPropertyDescriptor: (_, key) => { const d = Reflect.getOwnPropertyDescriptor(load(), key); return d && { ...d, configurable: true }; },
  });
}`;

/**
 * Rewrites `import_x = require("node:net")` (how esbuild binds an ES import, used only as `import_x.y`)
 * and commander's `childProcess = require(...)` (likewise) to the lazy stand-in.
 */
export function deferBuiltins(file) {
  const names = DEFERRED.map((name) => name.replace('/', '\\/')).join('|');
  const binding = new RegExp(`(\\b(?:import_[\\w$]+|childProcess)=)require(\\("(?:node:)?(?:${names})"\\))`, 'g');
  const text = readFileSync(file, 'utf8');
  writeFileSync(file, text.replace(binding, (_, left, call) => `${left}__lazyB${call}`));
}

const { banner: _esmRequire, plugins, external, ...common } = bundleOptions;

export const plainBundleOptions = {
  ...common,
  splitting: false,
  format: 'cjs',
  entryPoints: { plain: 'src/cli/plain-entry.ts', player: 'src/cli/remote/player-entry.ts' },
  outExtension: { '.js': '.cjs' },
  plugins: [...plugins, leaveOutTheBrowser],
  external: [...external, 'music-metadata', 'conf', 'pg'],
  define: { 'import.meta.url': '__tunesBundleUrl' },
  banner: { js: `var __tunesBundleUrl = require('node:url').pathToFileURL(__filename).href;\n${lazyBuiltin}` },
  logOverride: { 'empty-import-meta': 'error' },
};
