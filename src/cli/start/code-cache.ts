import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire, wrap } from 'node:module';
import { basename, join } from 'node:path';
import { constants as vmConstants, Script } from 'node:vm';

/**
 * Runs the one-file CommonJS bundle at `file` (as require() would) from V8's code cache kept in
 * `cacheDir`: what Node 22's module.enableCompileCache() does, which Node 20 lacks. The cache is
 * taken when the process exits, after the command ran, so it holds the functions the command
 * compiled (a cache made at compile time holds only the top level: v8-compile-cache's way, about
 * half the gain on this bundle). V8 checks the cache against its own version and flags and refuses
 * a stale one; the file's name carries the bundle's size and time, since V8 itself checks only the
 * source's length. Any failure to read or write the cache only costs the compile it would have saved.
 */
export function requireWithCodeCache<T>(file: string, cacheDir: string | undefined): T {
  const source = readFileSync(file, 'utf8');
  const cacheFile = cacheDir === undefined ? undefined : join(cacheDir, cacheName(file));
  const cachedData = cacheFile === undefined ? undefined : readOrUndefined(cacheFile);
  const script = new Script(wrap(source), {
    filename: file,
    ...(cachedData ? { cachedData } : {}),
    // The bundle's import() of a package left outside it (loaded only when used); Node before 20.12
    // lacks the constant and takes the loader as a function.
    importModuleDynamically: vmConstants.USE_MAIN_CONTEXT_DEFAULT_LOADER ?? ((specifier: string) => import(specifier)),
  });
  if (cacheFile !== undefined && (cachedData === undefined || script.cachedDataRejected === true)) {
    process.once('exit', () => writeCache(script, cacheDir!, cacheFile, `${basename(file)}-`));
  }
  const module = { exports: {} as T, filename: file, id: file, loaded: false };
  const run = script.runInThisContext() as (exports: T, require: NodeJS.Require, module: object, filename: string, dirname: string) => void;
  run.call(module.exports, module.exports, createRequire(file), module, file, join(file, '..'));
  module.loaded = true;
  return module.exports;
}

function cacheName(file: string): string {
  const { size, mtimeMs } = statSync(file);
  return `${basename(file)}-${size}-${Math.trunc(mtimeMs)}-${process.version}-${process.arch}.v8cache`;
}

function readOrUndefined(path: string): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/** Written whole or not at all (a rename), replacing the caches of earlier builds of the same bundle. */
function writeCache(script: Script, cacheDir: string, cacheFile: string, prefix: string): void {
  try {
    mkdirSync(cacheDir, { recursive: true, mode: 0o700 });
    for (const old of readdirSync(cacheDir)) if (old.startsWith(prefix) && old.endsWith('.v8cache')) rmSync(join(cacheDir, old), { force: true });
    const partial = `${cacheFile}.${process.pid}`;
    writeFileSync(partial, script.createCachedData(), { mode: 0o600 });
    renameSync(partial, cacheFile);
  } catch {
    // A read-only or full cache folder: the next run compiles again.
  }
}
