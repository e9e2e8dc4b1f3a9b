import { afterEach } from 'vitest';
import { openLocalConfig } from '../../src/config/local-config.js';
import type { SqliteStore, Store } from '../../src/db/open.js';
import type { ServerOptions } from '../../src/server/app.js';
import { listen, type RunningServer } from '../../src/server/listen.js';
import type { RouteInfo } from '../../src/server/route-list.js';
import { createAuthService } from '../../src/services/auth/auth-service.js';
import { systemClock, type Clock } from '../../src/services/clock.js';
import { buildServices, type Services } from '../../src/services/container.js';
import { tempDir } from './temp-dir.js';
import { FAST_SCRYPT, testDatabase, testStore } from './test-store.js';

const running: RunningServer[] = [];

export interface TestServer<S extends Store = Store> {
  url: string;
  /** Every route the server registered. */
  routes: readonly RouteInfo[];
  /** The dialect under test's database (SQLite, or PostgreSQL under test:pg). */
  store: S;
  services: Services;
  /** The server's TUNES_HOME (config, covers' cache, server key file). */
  home: string;
  /** Request log lines the server wrote. */
  logLines: string[];
  /** fetch() against the server, JSON bodies encoded, a token sent as Bearer. */
  call(method: string, path: string, init?: { token?: string; body?: unknown; headers?: Record<string, string> }): Promise<Response>;
  /** Closes the server now (otherwise after the test). */
  stop(): Promise<void>;
  /** Registers and logs in a user, returning the token and id. */
  user(username: string, password?: string): Promise<{ token: string; id: number }>;
}

/** The real server on 127.0.0.1 (port 0), over a fresh database of the dialect under test (testDatabase). */
export async function startTestServer(options: Omit<ServerOptions, 'log'> = {}): Promise<TestServer> {
  return serveOn(await testDatabase(), options);
}

/** The same over an SQLite file, for tests of SQLite's own faults (its locks, pragmas, a full file). */
export async function startSqliteTestServer(options: Omit<ServerOptions, 'log'> = {}): Promise<TestServer<SqliteStore>> {
  return serveOn(await testStore(), options);
}

async function serveOn<S extends Store>(store: S, options: Omit<ServerOptions, 'log'>): Promise<TestServer<S>> {
  const clock = options.clock ?? systemClock;
  const home = tempDir();
  const services: Services = {
    // The home holds the config and the covers' cache.
    ...buildServices(store, openLocalConfig({ TUNES_HOME: home }), clock, { ...process.env, TUNES_HOME: home }),
    auth: createAuthService({ db: store.db, clock, scryptParams: FAST_SCRYPT }),
  };
  const logLines: string[] = [];
  const server = await listen(services, {
    host: '127.0.0.1',
    port: 0,
    // The helper's user() signs up over HTTP; tests of closed registration say so.
    registration: 'open',
    ...options,
    log: (line) => logLines.push(line),
    clock,
  });
  running.push(server);

  const call: TestServer<S>['call'] = (method, path, init = {}) => {
    const headers: Record<string, string> = { ...init.headers };
    if (init.token) headers.authorization = `Bearer ${init.token}`;
    let body: string | undefined;
    if (init.body !== undefined) {
      body = typeof init.body === 'string' ? init.body : JSON.stringify(init.body);
      headers['content-type'] ??= 'application/json';
    }
    return fetch(`${server.url}${path}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  };

  return {
    url: server.url,
    routes: server.routes,
    store,
    services,
    home,
    logLines,
    call,
    async stop() {
      running.splice(running.indexOf(server), 1);
      await server.close();
    },
    async user(username, password = 'correct horse') {
      const reg = await call('POST', '/api/register', { body: { username, password } });
      if (reg.status !== 201) throw new Error(`register ${username}: ${reg.status} ${await reg.text()}`);
      const login = await call('POST', '/api/login', { body: { username, password } });
      const { token, user } = (await login.json()) as { token: string; user: { id: number } };
      return { token, id: user.id };
    },
  };
}

afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
});
