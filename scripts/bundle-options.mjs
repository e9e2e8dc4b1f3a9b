// esbuild options shared by the shipped build (scripts/bundle.mjs) and the UI bench, which bundles its
// own small entry the same way so it loads and holds what `tunes` itself does.
import { memoizeStringWidth } from './memoize-string-width.mjs';
import { reuseTokenViews } from './reuse-token-views.mjs';
import { shareTagMapper } from './share-tag-mapper.mjs';

export const bundleOptions = {
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  // Flat names: the tag reader finds its worker as `./tag-worker.js` next to whichever chunk holds it.
  entryNames: '[name]',
  chunkNames: '[name]-[hash]',
  sourcemap: true,
  // No comments or indentation: V8 keeps each script's source in memory for as long as the process
  // runs (the player: days), and one comment with a non-ASCII character (an arrow, a dash) makes it
  // keep the whole chunk at two bytes a character. The source maps still lead back to the source.
  minifyWhitespace: true,
  minifySyntax: true,
  logLevel: 'warning',
  plugins: [shareTagMapper, reuseTokenViews, memoizeStringWidth],
  external: [
    'better-sqlite3', // native addon
    'sharp', // native addon (libvips), loaded only to resize covers
    // Ink, React and @inkjs/ui ARE bundled, into the UI's lazy chunks: loaded as packages they cost
    // ~450 ms of module resolution here, bundled ~110 ms. Ink imports react-devtools-core (not
    // installed) only when DEV is set.
    'react-devtools-core',
    // Loaded lazily by `tunes serve`; kept as packages (a trace of the modules a plain command loads
    // proves they stay out of it).
    'fastify',
    '@fastify/*',
  ],
  // Bundled CommonJS dependencies call require() for node built-ins.
  banner: { js: "import { createRequire as __tunesRequire } from 'node:module'; const require = __tunesRequire(import.meta.url);" },
};
