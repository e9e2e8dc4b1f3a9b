import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runProcess } from './measure.js';

const REPO = fileURLToPath(new URL('../../..', import.meta.url));

export interface BaselineBuild {
  /** bin/tunes.js of the baseline's build. */
  bin: string;
  /** How the table names it: the ref and its commit. */
  label: string;
}

/**
 * Another commit of tunes built beside this checkout, so a figure can stand beside the same figure of
 * that commit measured in the same run: a branch's cost against main (`BENCH_BASELINE=<git ref>`, by
 * default `main` when this checkout is elsewhere; `none` turns it off). The commit's files come from
 * `git archive` into the bench cache (built once per commit), with this checkout's node_modules.
 */
export async function baselineBuild(ref: string | undefined, cache: string, log: (m: string) => void): Promise<BaselineBuild | undefined> {
  if (ref === 'none') return undefined;
  const git = async (...args: string[]) => {
    const run = await runProcess('git', ['-C', REPO, ...args]);
    return run.code === 0 ? run.stdout.trim() : undefined;
  };
  const wanted = ref ?? 'main';
  const sha = await git('rev-parse', '--verify', '--quiet', `${wanted}^{commit}`);
  if (!sha) {
    if (ref) log(`bench: no commit ${ref} to compare with`);
    return undefined;
  }
  // Nothing to compare when this checkout is that commit (and unchanged).
  if (!ref && sha === (await git('rev-parse', 'HEAD')) && (await git('status', '--porcelain', '--untracked-files=no')) === '') return undefined;
  const dir = join(cache, `baseline-${sha.slice(0, 12)}`);
  if (!existsSync(join(dir, '.built'))) {
    log(`bench: building ${wanted} (${sha.slice(0, 8)}) to compare with, in ${dir}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    const unpacked = await runProcess('sh', ['-c', `git -C '${REPO}' archive ${sha} | tar -x -C '${dir}'`]);
    symlinkSync(join(REPO, 'node_modules'), join(dir, 'node_modules'));
    // The build script names its entry points from the folder it runs in.
    const built = unpacked.code === 0 ? await runProcess('sh', ['-c', `cd '${dir}' && '${process.execPath}' scripts/bundle.mjs`]) : unpacked;
    if (built.code !== 0) {
      log(`bench: could not build ${wanted}: ${built.stderr.trim().split('\n').at(-1) ?? ''}`);
      return undefined;
    }
    writeFileSync(join(dir, '.built'), sha);
  }
  return { bin: join(dir, 'bin', 'tunes.js'), label: `${wanted} ${sha.slice(0, 8)}` };
}
