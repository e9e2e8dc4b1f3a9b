// Builds dist/bundle/: the CLI as a few ES module files instead of ~1,500 (kysely, conf and their
// dependencies), which cuts a plain command's start-up from ~0.4 s to ~0.15 s. Dynamic imports stay
// separate chunks, so tag reading (music-metadata, bundled: its threads start ~4x faster that way)
// loads only when a scan needs it, and the UI and the server only when used.
import { rmSync } from 'node:fs';
import { build } from 'esbuild';
import { shareTagMapper } from './share-tag-mapper.mjs';

const outdir = new URL('../dist/bundle/', import.meta.url).pathname;
rmSync(outdir, { recursive: true, force: true });

await build({
  entryPoints: ['src/cli/main.ts', 'src/services/library/tag-worker.ts'],
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  outdir,
  // Flat names: the tag reader finds its worker as `./tag-worker.js` next to whichever chunk holds it.
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  sourcemap: true,
  logLevel: 'warning',
  plugins: [shareTagMapper],
  external: [
    'better-sqlite3', // native addon
    // Loaded lazily by `tunes` (the UI) and `tunes serve`; kept as packages so they load as they are
    // published (and a trace of the modules a plain command loads can prove they stay out of it).
    'ink',
    'react',
    'react/*',
    '@inkjs/ui',
    'react-devtools-core',
    'fastify',
    '@fastify/*',
  ],
  // Bundled CommonJS dependencies call require() for node built-ins.
  banner: { js: "import { createRequire as __tunesRequire } from 'node:module'; const require = __tunesRequire(import.meta.url);" },
});
