import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MODULE = fileURLToPath(new URL('../../../src/ui/terminal/young-generation.ts', import.meta.url));

/** New-space size (MiB) in a fresh process before and after keeping many young objects alive, capped or not. */
function newSpaceGrowth(cap: boolean): { before: number; after: number } {
  const script = `
    import v8 from 'node:v8';
    import { keepYoungGenerationSmall } from ${JSON.stringify(MODULE)};
    const newSpace = () => v8.getHeapSpaceStatistics().find((s) => s.space_name === 'new_space').space_size / 1048576;
    const before = newSpace();
    if (${cap}) keepYoungGenerationSmall();
    const kept = [];
    for (let i = 0; i < 600000; i += 1) kept.push({ i, text: 'row ' + i });
    process.stdout.write(JSON.stringify({ before, after: newSpace(), kept: kept.length }));
  `;
  const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(out) as { before: number; after: number };
}

describe('keepYoungGenerationSmall', () => {
  it("stops V8 growing the young generation when much survives (as it would otherwise)", () => {
    const free = newSpaceGrowth(false);
    expect(free.after).toBeGreaterThan(free.before);
    const capped = newSpaceGrowth(true);
    expect(capped.after).toBe(capped.before);
  });
});
