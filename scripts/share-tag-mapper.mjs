// esbuild plugin: music-metadata builds a CombinedTagMapper (eleven tag-name tables, upper-cased key by
// key) for every file it parses; that was 20-25% of a scan's parse time. The mappers hold no per-file
// state once built, so the bundled copy shares one. If a music-metadata release changes the line, the
// build warns and bundles it unchanged: only speed is lost, never correctness.
import { readFile } from 'node:fs/promises';

const PER_FILE = 'this.tagMapper = new CombinedTagMapper();';
const SHARED = 'this.tagMapper = (sharedTagMapper ??= new CombinedTagMapper());';

export const shareTagMapper = {
  name: 'share-music-metadata-tag-mapper',
  setup(build) {
    build.onLoad({ filter: /music-metadata[\\/]lib[\\/]common[\\/]MetadataCollector\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      if (!source.includes(PER_FILE)) {
        return { contents: source, loader: 'js', warnings: [{ text: 'music-metadata changed: tag mapper left per file' }] };
      }
      return { contents: `let sharedTagMapper;\n${source.replace(PER_FILE, SHARED)}`, loader: 'js' };
    });
  },
};
