// Builds dist/bundle/ in two parts.
// - main.cjs: the entry (src/cli/main.ts) as ONE CommonJS file with nothing split off. The player's
//   controls (`tunes status`, `tunes next`, ...) run from it alone: no ES module loader and one file
//   for V8 to read keeps a remote command near Node's own start-up.
// - split-main.js and its chunks: everything else as a few ES module files instead of ~1,500 (kysely,
//   conf and their dependencies), which cuts a plain command's start-up from ~0.4 s to ~0.15 s.
//   Dynamic imports stay separate chunks, so tag reading (music-metadata, bundled: its threads start
//   ~4x faster that way) loads only when a scan needs it, and the UI and the server only when used.
// - plain.cjs and player.cjs: the full CLI for the plain read-only commands (`tunes songs`) and the
//   background player process, each one CommonJS file that main.cjs runs from V8's code cache
//   (scripts/plain-bundle.mjs).
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { bundleOptions } from './bundle-options.mjs';
import { deferBuiltins, plainBundleOptions } from './plain-bundle.mjs';

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });

await build({
  ...bundleOptions,
  entryPoints: ['src/cli/split-main.ts', 'src/services/library/tag-worker.ts', 'src/services/search-workers/search-worker.ts'],
  outdir,
});

const { banner: _esmRequire, ...commonOptions } = bundleOptions;
await build({
  ...commonOptions,
  splitting: false,
  format: 'cjs',
  entryPoints: ['src/cli/main.ts'],
  outExtension: { '.js': '.cjs' },
  outdir,
});

await build({ ...plainBundleOptions, outdir });
for (const file of ['plain.cjs', 'player.cjs']) deferBuiltins(`${outdir}${file}`);
