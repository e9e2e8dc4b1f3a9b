import type { Command } from 'commander';
import { openLocalConfig } from '../../config/local-config.js';
import type { RemoteServer } from '../../config/remote-servers.js';
import { TunesError } from '../../errors.js';
import { emit, note, withJson, type JsonOption } from '../output.js';
import { promptHidden, promptLine, readPasswordFromStdin } from '../prompt.js';
import type { CliRuntime } from '../runtime.js';

export interface RemoteLoginOptions extends JsonOption {
  server: string;
  passwordStdin?: boolean;
  apikeyStdin?: boolean;
  ca?: string;
  name?: string;
}

const presentServer = (server: RemoteServer, current: string | undefined) => ({
  name: server.name,
  url: server.url,
  username: server.username,
  auth: server.credential.kind,
  server_type: server.server_type ?? null,
  api_version: server.api_version ?? null,
  current: server.name === current,
});

/** `tunes login --server URL [USERNAME]`: remembers the server in the local config and makes it the library in use. */
export async function loginToRemote(runtime: CliRuntime, username: string | undefined, options: RemoteLoginOptions): Promise<void> {
  const { loginToServer } = await import('../../remote/subsonic/login.js');
  const apiKey = options.apikeyStdin ? await readPasswordFromStdin(runtime) : undefined;
  const name = apiKey !== undefined ? username : (username ?? (await promptLine(runtime, 'Username: ')));
  const password = apiKey !== undefined ? undefined : options.passwordStdin ? await readPasswordFromStdin(runtime) : await promptHidden(runtime, 'Password: ');
  const server = await loginToServer({ url: options.server, username: name, password, apiKey, ca: options.ca, name: options.name });
  const config = openLocalConfig();
  await config.set('servers', { ...(config.get('servers') ?? {}), [server.name]: server });
  await config.set('currentServer', server.name);
  emit(runtime, options, presentServer(server, server.name), (s) => `Logged in to ${s.name} as ${s.username}; tunes now uses the library there (tunes server use local: this machine's)`);
}

export function registerServerCommands(program: Command, runtime: CliRuntime): void {
  withJson(program.command('servers').description('list the remote libraries logged in to (the one in use is marked)')).action((options: JsonOption) => {
    const config = openLocalConfig();
    const current = config.get('currentServer');
    const list = Object.values(config.get('servers') ?? {}).map((s) => presentServer(s, current));
    emit(runtime, options, list, (rows) =>
      [`${current === undefined ? '*' : ' '} local  (this machine's library)`, ...rows.map((s) => `${s.current ? '*' : ' '} ${s.name}  ${s.username} at ${s.url}`)].join('\n'),
    );
  });

  const server = program.command('server').description('choose the library tunes uses: a remote server or this machine');
  withJson(server.command('use').description('use a server logged in to, or "local"').argument('<name>', 'a name from tunes servers, or local')).action(
    async (name: string, options: JsonOption) => {
      const config = openLocalConfig();
      if (name === 'local') {
        await config.delete('currentServer');
        emit(runtime, options, { current: 'local' }, () => "Using this machine's library");
        return;
      }
      const found = config.get('servers')?.[name];
      if (!found) throw new TunesError('not_found', `no server named "${name}"`, 'tunes servers lists them; tunes login --server URL adds one');
      await config.set('currentServer', name);
      emit(runtime, options, { current: name }, () => `Using the library on ${name}`);
    },
  );
}

/** `tunes logout` while a server is in use: forgets it (its secret included) and goes back to the local library. */
export async function logoutOfRemote(runtime: CliRuntime, options: JsonOption): Promise<boolean> {
  const current = runtime.remoteServer();
  if (!current) return false;
  const { revokeOwnAppKey } = await import('../../remote/subsonic/tunes-api.js');
  // Best effort: the server may be away; forgetting it here goes ahead, and says what is left there.
  const revoked = await revokeOwnAppKey(current).catch((error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    note(runtime, `tunes: could not end this machine's app key on ${current.name} (${why}); on the server, tunes apikey list and tunes apikey revoke NAME end it`);
    return 'failed' as const;
  });
  const config = openLocalConfig();
  const { [current.name]: _gone, ...rest } = config.get('servers') ?? {};
  await config.set('servers', rest);
  await config.delete('currentServer');
  emit(runtime, options, { logged_out: true, server: current.name, app_key_revoked: revoked === 'revoked' }, () =>
    revoked === 'revoked' ? `Logged out of ${current.name} (this machine's app key there is ended); using this machine's library` : `Logged out of ${current.name}; using this machine's library`,
  );
  return true;
}
