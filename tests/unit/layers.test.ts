import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { importSpecifiers, layerViolations, rowTypeLeaks } from '../helpers/layer-rules.js';
import { tempDir } from '../helpers/temp-dir.js';

const REPO = fileURLToPath(new URL('../..', import.meta.url));

function tree(files: Record<string, string>): string {
  const root = tempDir();
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
  }
  return root;
}

describe('layers (ARCHITECTURE.md: edges -> services -> db | player | config, never back)', () => {
  it('holds in this repository', () => {
    expect(layerViolations(REPO)).toEqual([]);
  });

  it('keeps row types inside src/db: services name only the Database handle from the schema', () => {
    expect(rowTypeLeaks(REPO)).toEqual([]);
    const root = tree({
      'src/services/a.ts': "import type { Database, SongRow } from '../db/schema.js';\n",
      'src/services/b.ts': "import type { Database } from '../db/schema.js';\n",
      'src/db/repositories/c.ts': "import type { Database, SongRow } from '../schema.js';\n",
    });
    expect(rowTypeLeaks(root)).toEqual([{ file: 'src/services/a.ts', names: ['SongRow'] }]);
  });

  it('catches each wrong-way import, type-only, multi-line and lazy ones too', () => {
    const root = tree({
      'src/cli/commands/a.ts': "import type { Song } from '../../db/schema.js';\n",
      'src/ui/b.tsx': "import {\n  engine,\n} from '../player/audio-engine.js';\n",
      'src/server/c.ts': "const x = await import('../db/open.js');\n",
      'src/services/d.ts': "export { thing } from '../cli/output.js';\n",
      'src/db/e.ts': "import type { Services } from '../services/container.js';\n",
      'db/migrations/0001-x.ts': "import { fold } from '../../src/text/fold.js';\n",
      'src/domain/song.ts': "import type { SongRow } from '../db/schema.js';\n",
      // allowed: edge -> services -> db, anyone -> domain and src/text, packages
      'src/cli/ok.ts': "import type { Song } from '../domain/song.js';\nimport { x } from '../services/y.js';\nimport { Command } from 'commander';\n",
      'src/services/ok.ts': "import { listSongs } from '../db/repositories/songs.js';\nimport { fold } from '../text/fold.js';\n",
    });
    expect(layerViolations(root).map((v) => `${v.file}: ${v.rule}`).sort()).toEqual([
      'db/migrations/0001-x.ts: migrations must not import shared',
      'src/cli/commands/a.ts: edge must not import db',
      'src/db/e.ts: db must not import services',
      'src/domain/song.ts: domain must not import db',
      'src/server/c.ts: edge must not import db',
      'src/services/d.ts: services must not import edge',
      'src/ui/b.tsx: edge must not import player',
    ]);
  });

  it('reads every form of import line', () => {
    const text = [
      "import a from './a.js';",
      "import type { B } from './b.js';",
      "import './side-effect.js';",
      "export * from './c.js';",
      "export type { D } from './d.js';",
      "import {\n  e,\n  f,\n} from './ef.js';",
      "const g = await import('./g.js');",
    ].join('\n');
    expect(importSpecifiers(text).sort()).toEqual(['./a.js', './b.js', './c.js', './d.js', './ef.js', './g.js', './side-effect.js']);
  });
});
