import type { Command } from 'commander';
import { terminalSafe } from '../../text/terminal-safe.js';
import { emit, note, terminalWidth, withJson, type JsonOption } from '../output.js';
import { presentAppKey, presentCreatedAppKey } from '../present/app-key.js';
import type { CliRuntime } from '../runtime.js';
import { withUser } from './current-user.js';
import { formatTime, renderTable } from './playlist-render.js';

/** `tunes apikey`: app keys, the passwords Subsonic clients use (the login password never leaves its hash). */
export function registerApiKeyCommands(program: Command, runtime: CliRuntime): void {
  const apikey = program.command('apikey').description('app keys: what Subsonic clients (phones, desktop players) log in with');

  withJson(apikey.command('create').description('make an app key (shown once: copy it into the client)').argument('[name]')).action(
    async (name: string | undefined, options: JsonOption) => {
      const { services, user } = await withUser(runtime);
      const created = await services.appKeys.create(user.id, name);
      emit(runtime, options, presentCreatedAppKey(created), (key) => key.key);
      if (!options.json) {
        note(runtime, `Created app key "${terminalSafe(created.name)}" for ${terminalSafe(user.username)}: it is shown this once.`);
        note(runtime, 'Give it to a Subsonic client as the password (or as its API key); `tunes apikey revoke NAME` ends it.');
      }
    },
  );

  withJson(apikey.command('list').description('your app keys (never the keys themselves)')).action(async (options: JsonOption) => {
    const { services, user } = await withUser(runtime);
    const keys = await services.appKeys.list(user.id);
    emit(runtime, options, keys.map(presentAppKey), () =>
      keys.length === 0
        ? 'No app keys yet; make one with `tunes apikey create [NAME]`'
        : renderTable(
            ['NAME', 'CREATED', 'LAST USED'],
            keys.map((key) => [terminalSafe(key.name), formatTime(key.created_at), key.last_used_at === null ? 'never' : formatTime(key.last_used_at)]),
            [],
            terminalWidth(runtime),
          ),
    );
  });

  withJson(apikey.command('revoke').description('end an app key at once').argument('<name>')).action(async (name: string, options: JsonOption) => {
    const { services, user } = await withUser(runtime);
    const revoked = await services.appKeys.revoke(user.id, name);
    emit(runtime, options, presentAppKey(revoked), (key) => `Revoked app key "${terminalSafe(key.name)}"`);
  });
}
