// esbuild plugin: token-types makes a new DataView for every number it reads (`dv(array)`), and
// music-metadata reads thousands of numbers per file through the one small buffer strtok3 keeps for
// them: ~5% of a scan's parse time and a good part of its garbage. A Uint8Array's buffer and offset
// never change, so the view of the array last asked for is kept and handed out again. If a
// token-types release changes the function, the build warns and bundles it unchanged: only speed is
// lost, never correctness.
import { readFile } from 'node:fs/promises';

const PER_READ = `function dv(array) {
    return new DataView(array.buffer, array.byteOffset);
}`;
const REUSED = `let lastArray;
let lastView;
function dv(array) {
    if (array !== lastArray) {
        lastView = new DataView(array.buffer, array.byteOffset);
        lastArray = array;
    }
    return lastView;
}`;

export const reuseTokenViews = {
  name: 'reuse-token-types-data-views',
  setup(build) {
    build.onLoad({ filter: /token-types[\\/]dist[\\/]lib[\\/]index\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(PER_READ)) {
        return { contents: source, loader: 'js', warnings: [{ text: 'token-types changed: a DataView per read left as it is' }] };
      }
      return { contents: source.replace(PER_READ, REUSED), loader: 'js' };
    });
  },
};
