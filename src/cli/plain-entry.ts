/**
 * The plain read-only commands (PLAIN_COMMANDS: `tunes songs`, `tunes albums`, ...) as ONE CommonJS
 * file, dist/bundle/plain.cjs (scripts/bundle.mjs), which main.ts runs from V8's code cache
 * (start/code-cache.ts): the same commander program as the split build, without the ES module
 * loader's work or V8 compiling its ~1 MB again on every run. The full-screen browser (Ink has
 * top-level await) stays out of this file; main.ts never routes `tunes` or `tunes ui` here.
 */
export { runFullCli as runPlainCommand } from './full-cli.js';
