// esbuild plugin: Ink measures every character of every line of every frame with string-width, and a
// character outside printable ASCII (the progress bar's ─, ›, accented letters) goes through
// Intl.Segmenter and several Unicode regexps each time. The width of a string never changes, so the
// bundled copies remember recent answers. If a release changes the line, the build warns and bundles it
// unchanged: only speed is lost, never correctness.
import { readFile } from 'node:fs/promises';

const EXPORT = 'export default function stringWidth(';
const MEMOIZED = `
const rememberedWidths = new Map();
export default function stringWidth(input, options) {
  if (options !== undefined || typeof input !== 'string' || input.length > 256) return measureStringWidth(input, options);
  let width = rememberedWidths.get(input);
  if (width === undefined) {
    // A screenful of lines and characters fits many times over; a clock that changes every second
    // does not make the map grow without end.
    if (rememberedWidths.size >= 4096) rememberedWidths.clear();
    width = measureStringWidth(input);
    rememberedWidths.set(input, width);
  }
  return width;
}
`;

export const memoizeStringWidth = {
  name: 'memoize-string-width',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(EXPORT)) {
        // string-width 4 (CommonJS, used by cli-table3) never had the line and is left alone on purpose.
        if (source.includes('module.exports')) return undefined;
        return { contents: source, loader: 'js', warnings: [{ text: 'string-width changed: its answers are not remembered' }] };
      }
      return { contents: source.replace(EXPORT, 'function measureStringWidth(') + MEMOIZED, loader: 'js' };
    });
  },
};
