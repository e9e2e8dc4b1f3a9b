#!/usr/bin/env node
// CommonJS (bin/package.json): a remote command (`tunes next`) then never starts the ES module loader.
require('../dist/bundle/main.cjs');
