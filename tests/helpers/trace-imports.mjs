// Loaded with `node --import`: records every module specifier resolved, one per line, into $TRACE_IMPORTS_FILE.
import { register } from 'node:module';

register('./trace-imports-hooks.mjs', import.meta.url, { data: { file: process.env.TRACE_IMPORTS_FILE } });
