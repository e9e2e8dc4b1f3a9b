import { ensureSyntheticDb } from './lib/synthetic-db.ts';
const t = performance.now();
await ensureSyntheticDb('/tmp/tunes-bench-cache', Number(process.argv[2]), console.log);
console.log(Math.round(performance.now() - t));
