import { spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A throwaway PostgreSQL server for the bench: its URL (no password in it) and the env to reach it. */
export interface BenchPostgres {
  url: string;
  /** libpq's variables, for processes that connect (tunes serve, psql). */
  env: NodeJS.ProcessEnv;
  stop(): void;
}

const BIN = ['/usr/lib/postgresql/17/bin', '/usr/lib/postgresql/16/bin', '/usr/lib/postgresql/15/bin'].find((dir) => existsSync(join(dir, 'initdb')));

/** Why the bench cannot start one here (undefined when it can). */
export function postgresUnavailable(): string | undefined {
  return BIN ? undefined : 'PostgreSQL is not installed (apt-get install postgresql)';
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * A private cluster, as pg_virtualenv makes one (initdb into a temp folder, a free port on
 * 127.0.0.1, fsync off, trust for local connections) but under its own folder name, so it never
 * collides with a test:pg run's fixed 15/regress cluster. Run as the postgres user when root.
 */
export async function startBenchPostgres(log: (message: string) => void): Promise<BenchPostgres> {
  if (!BIN) throw new Error(postgresUnavailable());
  const dir = mkdtempSync(join(tmpdir(), 'tunes-bench-pg-'));
  chmodSync(dir, 0o777);
  const data = join(dir, 'data');
  const port = await freePort();
  const asOwner = (command: string, args: string[]) => {
    const root = process.getuid?.() === 0;
    const result = root
      ? spawnSync('runuser', ['-u', 'postgres', '--', join(BIN, command), ...args], { encoding: 'utf8' })
      : spawnSync(join(BIN, command), args, { encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command} failed: ${result.stderr}`);
  };
  log(`  starting a throwaway PostgreSQL in ${dir} (port ${port})`);
  asOwner('initdb', ['-D', data, '-A', 'trust', '-U', 'postgres', '--no-sync', '-E', 'UTF8', '--locale=C.UTF-8']);
  const options = `-c port=${port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=${dir} -c fsync=off -c full_page_writes=off -c synchronous_commit=off -c max_connections=300 -c shared_buffers=512MB`;
  asOwner('pg_ctl', ['-D', data, '-l', join(dir, 'log'), '-w', '-o', options, 'start']);
  const env: NodeJS.ProcessEnv = { PGHOST: '127.0.0.1', PGPORT: String(port), PGUSER: 'postgres', PGDATABASE: 'postgres' };
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    env,
    stop() {
      try {
        asOwner('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
