import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import stringWidth from 'string-width';
import { describe, expect, it } from 'vitest';
import { memoizeStringWidth } from '../../scripts/memoize-string-width.mjs';
import { tempDir } from '../helpers/temp-dir.js';

type Width = (input: string, options?: { ambiguousIsNarrow?: boolean; countAnsiEscapeCodes?: boolean }) => number;

async function bundledStringWidth(): Promise<{ width: Width; source: string }> {
  const dir = tempDir();
  const entry = join(dir, 'entry.mjs');
  writeFileSync(entry, "export { default } from 'string-width';\n");
  const outfile = join(dir, 'out.mjs');
  const result = await build({
    entryPoints: [entry],
    nodePaths: [join(process.cwd(), 'node_modules')],
    bundle: true,
    format: 'esm',
    platform: 'node',
    outfile,
    write: true,
    plugins: [memoizeStringWidth],
    logLevel: 'silent',
  });
  expect(result.warnings).toEqual([]);
  const module = (await import(pathToFileURL(outfile).href)) as { default: Width };
  return { width: module.default, source: readFileSync(outfile, 'utf8') };
}

describe('the memoizing string-width plugin', () => {
  it('is applied, and answers exactly as string-width does, asked once or many times', async () => {
    const { width, source } = await bundledStringWidth();
    expect(source).toContain('rememberedWidths');
    // The Segmenter and the emoji regexp are built on first use, not when the module loads.
    expect(source).not.toMatch(/^(var|const) segmenter = new Intl\.Segmenter\(\)/m);
    expect(source).toContain('madeSegmenter ??=');
    expect(source).toContain('madeEmojiRegex ??=');
    const samples = ['', 'a', 'hello', '─', '━', '›', 'é', 'e\u0301', '夜に駆ける', '👍🏽', '👨‍👩‍👧', '\x1b[7mhi\x1b[27m', 'ｱ', '한글', '\u200b', 'x'.repeat(600)];
    for (let round = 0; round < 3; round += 1) {
      for (const sample of samples) {
        expect(width(sample), JSON.stringify(sample)).toBe(stringWidth(sample));
        expect(width(sample, { ambiguousIsNarrow: false })).toBe(stringWidth(sample, { ambiguousIsNarrow: false }));
        expect(width(sample, { countAnsiEscapeCodes: true })).toBe(stringWidth(sample, { countAnsiEscapeCodes: true }));
      }
    }
  });
});
