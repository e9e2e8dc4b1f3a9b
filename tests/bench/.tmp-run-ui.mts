import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { uiSection } from './sections/ui.js';
const scratch = mkdtempSync(join(tmpdir(), 'ui-bench-'));
try {
  const rows = await uiSection.run({ cache: join(tmpdir(), 'tunes-bench-cache'), scratch, syntheticTracks: Number(process.env.N), log: (m) => process.stderr.write(m + '\n') });
  for (const r of rows) console.log(`${r.measure} | ${r.value} | ${r.baseline ?? ''} | ${r.baselineValue ?? ''}`);
} finally { rmSync(scratch, { recursive: true, force: true }); }
