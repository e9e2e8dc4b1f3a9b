import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

/** Where a file sits in the layering of ARCHITECTURE.md; `shared` (src/text, src/errors.ts) is free to all. */
export type Layer = 'domain' | 'edge' | 'services' | 'db' | 'player' | 'config' | 'migrations' | 'shared' | 'outside';

const LAYER_OF_FOLDER: Array<[string, Layer]> = [
  ['src/domain/', 'domain'],
  ['src/cli/', 'edge'],
  ['src/server/', 'edge'],
  ['src/ui/', 'edge'],
  // The player process's socket and bridges, and the clients of that socket.
  ['src/daemon/', 'edge'],
  ['src/remote/', 'edge'],
  ['src/services/', 'services'],
  ['src/db/', 'db'],
  ['src/player/', 'player'],
  ['src/config/', 'config'],
  ['db/migrations/', 'migrations'],
];

export function layerOf(path: string): Layer {
  const posix = path.split(sep).join('/');
  for (const [folder, layer] of LAYER_OF_FOLDER) if (posix.startsWith(folder)) return layer;
  return posix.startsWith('src/') ? 'shared' : 'outside';
}

/** What each layer may not import (the arrows point one way only: edges -> services -> db | player | config). */
const FORBIDDEN: Record<Layer, readonly Layer[]> = {
  // Types only, beneath everything: nothing from the rest of src.
  domain: ['edge', 'services', 'db', 'player', 'config', 'migrations', 'shared'],
  edge: ['db', 'player', 'migrations'],
  services: ['edge'],
  db: ['edge', 'services', 'player'],
  player: ['edge', 'services', 'db'],
  config: ['edge', 'services', 'db'],
  // Frozen in time: a migration never follows src/ as it changes.
  migrations: ['domain', 'edge', 'services', 'db', 'player', 'config', 'shared'],
  shared: ['edge', 'services', 'db', 'player', 'config'],
  outside: [],
};

const STATIC_IMPORT = /^\s*(?:import|export)\s[^'"`;]*?\sfrom\s*['"]([^'"]+)['"]/gm;
const BARE_IMPORT = /^\s*import\s*['"]([^'"]+)['"]/gm;
const DYNAMIC_IMPORT = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;

/** The module specifiers a source file imports or re-exports, type-only and lazy ones included. */
export function importSpecifiers(text: string): string[] {
  return [STATIC_IMPORT, BARE_IMPORT, DYNAMIC_IMPORT].flatMap((pattern) => [...text.matchAll(pattern)].map((m) => m[1]!));
}

export interface LayerViolation {
  file: string;
  imports: string;
  rule: string;
}

/** Every import under `root`'s src/ and db/migrations/ that crosses a layer the wrong way. */
export function layerViolations(root: string): LayerViolation[] {
  const violations: LayerViolation[] = [];
  for (const file of ['src', 'db/migrations'].flatMap((dir) => sourceFiles(join(root, dir)))) {
    const from = relative(root, file);
    const layer = layerOf(from);
    for (const specifier of importSpecifiers(readFileSync(file, 'utf8'))) {
      if (!specifier.startsWith('.')) continue; // packages
      const target = relative(root, resolve(dirname(file), specifier));
      const targetLayer = layerOf(target);
      if (targetLayer !== layer && FORBIDDEN[layer].includes(targetLayer)) {
        violations.push({ file: from, imports: target, rule: `${layer} must not import ${targetLayer}` });
      }
    }
  }
  return violations;
}

function sourceFiles(dir: string): string[] {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  return entries.flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx|mts|cts|js|mjs)$/.test(entry.name) && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

const SCHEMA_IMPORT = /^\s*import\s+(?:type\s+)?\{([^}]*)\}\s*from\s*['"]([^'"]*\/db\/schema\.js)['"]/gm;

/**
 * Names imported from src/db/schema.ts outside src/db other than `Database` (the handle's type):
 * row types (SongRow, UserRow, ...) stay in src/db, which maps them to src/domain's types.
 */
export function rowTypeLeaks(root: string): Array<{ file: string; names: string[] }> {
  const leaks: Array<{ file: string; names: string[] }> = [];
  for (const file of sourceFiles(join(root, 'src'))) {
    const from = relative(root, file);
    if (layerOf(from) === 'db') continue;
    for (const match of readFileSync(file, 'utf8').matchAll(SCHEMA_IMPORT)) {
      const names = match[1]!.split(',').map((n) => n.replace(/^\s*type\s+/, '').trim()).filter((n) => n && n !== 'Database');
      if (names.length > 0) leaks.push({ file: from, names });
    }
  }
  return leaks;
}
