import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import * as plain from 'token-types';
import { describe, expect, it } from 'vitest';
import { reuseTokenViews } from '../../scripts/reuse-token-views.mjs';
import { tempDir } from '../helpers/temp-dir.js';

async function bundledTokenTypes(): Promise<{ tokens: typeof plain; source: string; warnings: unknown[] }> {
  const dir = tempDir();
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, "export * from 'token-types';\n");
  const outfile = join(dir, 'out.mjs');
  const result = await build({
    entryPoints: [entry],
    nodePaths: [join(process.cwd(), 'node_modules')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    plugins: [reuseTokenViews],
    logLevel: 'silent',
  });
  return { tokens: (await import(pathToFileURL(outfile).href)) as typeof plain, source: readFileSync(outfile, 'utf8'), warnings: result.warnings };
}

describe('the token-types DataView plugin', () => {
  it('is applied, and reads every number as token-types does, from one array rewritten and from many', async () => {
    const { tokens, source, warnings } = await bundledTokenTypes();
    expect(warnings).toEqual([]);
    expect(source).toContain('lastView');
    const readers = ['UINT8', 'UINT16_LE', 'UINT16_BE', 'UINT24_BE', 'UINT32_LE', 'UINT32_BE', 'INT32_BE', 'UINT64_LE', 'Float32_BE'] as const;
    // strtok3 reads numbers through one small buffer it rewrites: the kept view must see each new value.
    const shared = new Uint8Array(16);
    for (let round = 0; round < 50; round += 1) {
      crypto.getRandomValues(shared);
      const fresh = crypto.getRandomValues(new Uint8Array(24)).subarray(3);
      for (const name of readers) {
        expect(tokens[name].get(shared, 2), name).toEqual(plain[name].get(shared, 2));
        expect(tokens[name].get(fresh, 1), name).toEqual(plain[name].get(fresh, 1));
      }
    }
  });
});
