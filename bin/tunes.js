#!/bin/sh
':' //; c=; p=; for a; do if [ "$p" = --db ]; then p=; continue; fi; p=$a; case $a in --) break;; -*) ;; *) c=$a; break;; esac; done; if [ -z "$c" ] || [ "$c" = ui ]; then exec node --max-semi-space-size=2 "$0" "$@"; fi; exec node "$0" "$@"
// Both a shell script and CommonJS (bin/package.json). Run as `tunes`, the shell line above picks
// node's flags and execs node on this same file, where that line is a string and a comment:
// - the full-screen browser (`tunes`, `tunes ui`, only options before it) gets V8's young generation
//   capped at 2 MiB a semi-space. Left to grow it reaches 16 MiB a semi-space (32 MiB resident) while
//   a person scrolls; React's garbage is short-lived, so the small one costs no frame time. Heap
//   sizes are fixed when V8 starts: v8.setFlagsFromString here would be too late.
// - every other command starts node as `#!/usr/bin/env node` did.
// Run as `node bin/tunes.js` (the tests), node skips the first line and the second does nothing.
// CommonJS: a remote command (`tunes next`) then never starts the ES module loader.
require('../dist/bundle/main.cjs');
