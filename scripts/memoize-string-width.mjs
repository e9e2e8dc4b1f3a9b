// esbuild plugin: Ink measures every character of every line of every frame with string-width, and a
// character outside printable ASCII (the progress bar's ─, ›, accented letters) goes through
// Intl.Segmenter and several Unicode regexps each time. The width of a string never changes, so the
// bundled copies remember recent answers. Its Intl.Segmenter and its emoji regexp (~25 ms of ICU data
// and Unicode sets when built) are made on first use instead of at load, so a plain command whose text
// is ASCII (string-width's own fast path) never builds them. If a release changes a line, the build
// warns and bundles it unchanged: only speed is lost, never correctness.
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

// Each rewrite: the line as string-width 8 writes it, and what replaces it.
const REWRITES = [
  [EXPORT, 'function measureStringWidth('],
  ['const segmenter = new Intl.Segmenter();', 'let madeSegmenter;\nconst segmenter = { segment: (text) => (madeSegmenter ??= new Intl.Segmenter()).segment(text) };'],
  ['const rgiEmojiRegex = /^\\p{RGI_Emoji}$/v;', 'let madeEmojiRegex;\nconst rgiEmojiRegex = { test: (text) => (madeEmojiRegex ??= /^\\p{RGI_Emoji}$/v).test(text) };'],
];

export const memoizeStringWidth = {
  name: 'memoize-string-width',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]string-width[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      // string-width 4 (CommonJS, used by cli-table3) never had these lines and is left alone on purpose.
      if (source.includes('module.exports')) return undefined;
      if (!source.includes(EXPORT)) return { contents: source, loader: 'js', warnings: [{ text: 'string-width changed: its answers are not remembered' }] };
      // The lazy lines are taken where a version has them (7.x, under wrap-ansi, has no emoji regexp).
      const contents = REWRITES.reduce((text, [line, replacement]) => text.replace(line, replacement), source);
      return { contents: contents + MEMOIZED, loader: 'js' };
    });
  },
};
