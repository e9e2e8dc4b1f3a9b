import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

// The web player: web/ -> dist/web (served by `tunes serve`). Preact's JSX through Vite's own esbuild
// options, so no framework plugin (and no Babel) is needed.
export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  base: '/',
  logLevel: 'warn',
  esbuild: { jsx: 'automatic', jsxImportSource: 'preact' },
  build: {
    outDir: fileURLToPath(new URL('../dist/web', import.meta.url)),
    emptyOutDir: true,
    target: 'es2022',
    // The page's CSP allows no inline script; modern browsers preload modules themselves.
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    reportCompressedSize: false,
  },
});
