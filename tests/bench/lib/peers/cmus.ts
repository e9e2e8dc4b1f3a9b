import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runProcess } from '../measure.js';

export interface PeerScan {
  ms: number;
  /** Files the peer ended up with in its library (what it could read of the corpus). */
  files: number;
}

let servers = 0;

/**
 * cmus's first scan of `corpus`: a fresh cmus (its own CMUS_HOME, no cache) listening on a socket,
 * inside a private tmux server (cmus is a terminal program), told `add -l corpus` by cmus-remote.
 * cmus adds in a background job and refuses `save` while tracks are being added, so the scan is over
 * when a save first succeeds. Timed from the add to that save (polled every 20 ms).
 */
export async function cmusFirstScan(corpus: string, scratch: string): Promise<PeerScan> {
  const home = mkdtempSync(join(scratch, 'cmus-home-'));
  // MPRIS needs a session bus; without one cmus stops at start-up to say so and waits for Enter.
  writeFileSync(join(home, 'rc'), 'set mpris=false\n');
  const socket = join(home, 'socket');
  const tmux = ['-L', `tunes-bench-cmus-${process.pid}-${(servers += 1)}`, '-f', '/dev/null'];
  const started = await runProcess('tmux', [...tmux, 'new-session', '-d', '-x', '120', '-y', '40', `exec cmus --listen ${quoted(socket)}`], { CMUS_HOME: home });
  if (started.code !== 0) throw new Error(`tmux could not start cmus: ${started.stderr}`);
  const remote = (...command: string[]) => runProcess('cmus-remote', ['--server', socket, ...command]);
  try {
    await waitFor(async () => existsSync(socket) && (await remote('-C', 'echo ready')).code === 0, 'cmus to listen');
    const library = join(home, 'library.pl');
    const t0 = performance.now();
    const added = await remote('-l', corpus);
    if (added.code !== 0) throw new Error(`cmus-remote add failed: ${added.stderr}`);
    await waitFor(async () => {
      const saved = await remote('-C', `save -l ${library}`);
      return saved.code === 0 && !/can't save/.test(saved.stdout + saved.stderr) && existsSync(library) && readFileSync(library, 'utf8').length > 0;
    }, 'cmus to finish adding', 20);
    const ms = performance.now() - t0;
    return { ms, files: readFileSync(library, 'utf8').split('\n').filter(Boolean).length };
  } finally {
    await remote('-C', 'quit');
    await runProcess('tmux', [...tmux, 'kill-server']);
  }
}

async function waitFor(check: () => Promise<boolean>, what: string, everyMs = 50): Promise<void> {
  const deadline = Date.now() + 600_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
}

function quoted(path: string): string {
  return `'${path.replace(/'/g, `'\\''`)}'`;
}
