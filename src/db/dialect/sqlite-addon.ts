import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

let addon: { path: string | undefined } | undefined;

/**
 * better-sqlite3's compiled addon, where its install puts it, for its `nativeBinding` option: found
 * by one stat instead of the `bindings` package's search (a stack trace, a second package and a
 * dozen paths tried on every start). Undefined when it is elsewhere: better-sqlite3 then searches itself.
 */
export function sqliteAddon(): string | undefined {
  addon ??= { path: builtAddon() };
  return addon.path;
}

function builtAddon(): string | undefined {
  try {
    const built = join(dirname(createRequire(import.meta.url).resolve('better-sqlite3')), '..', 'build', 'Release', 'better_sqlite3.node');
    return existsSync(built) ? built : undefined;
  } catch {
    return undefined;
  }
}
