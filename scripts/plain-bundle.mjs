// The esbuild options of dist/bundle/plain.cjs (src/cli/plain-entry.ts): the full CLI as ONE CommonJS
// file that main.ts runs from V8's code cache for the plain read-only commands.
// - The full-screen browser is left out (Ink and yoga have top-level await, which CommonJS cannot
//   hold): main.ts never sends `tunes` or `tunes ui` here, and the stand-in says so if it were.
// - import.meta.url is this file's own URL: the tag reader's worker and the web app's folder are
//   found beside it (dist/bundle/tag-worker.js, dist/web/) as from the split build's chunks.
// - Packages only some other command loads are left outside (import() when used), so V8 reads and
//   caches less.
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

const { banner: _esmRequire, plugins, external, ...common } = bundleOptions;

export const plainBundleOptions = {
  ...common,
  splitting: false,
  format: 'cjs',
  entryPoints: { plain: 'src/cli/plain-entry.ts' },
  outExtension: { '.js': '.cjs' },
  plugins: [...plugins, leaveOutTheBrowser],
  external: [...external, 'music-metadata', 'conf', 'pg'],
  define: { 'import.meta.url': '__tunesBundleUrl' },
  banner: { js: "var __tunesBundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  logOverride: { 'empty-import-meta': 'error' },
  minifyWhitespace: true,
  minifySyntax: true,
};
