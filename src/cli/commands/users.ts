import { Argument, type Command } from 'commander';
import { TunesError } from '../../errors.js';
import { ROLES, type RemovedUser, type Role } from '../../services/auth/user-admin.js';
import { terminalSafe } from '../../text/terminal-safe.js';
import { presentRemovedUser, presentUser, presentUserListing } from '../present/user.js';
import { emit, groupAction, withGroupOptions, terminalWidth, withJson, type JsonOption } from '../output.js';
import { canPrompt, confirm, promptNewPassword, readPasswordFromStdin } from '../prompt.js';
import type { CliRuntime } from '../runtime.js';
import { withUser } from './current-user.js';
import { formatTime, plural, renderTable } from './playlist-render.js';

/** `tunes users ...`: accounts, for admins. The last admin can be neither demoted nor removed. */
export function registerUsersCommands(program: Command, runtime: CliRuntime): void {
  const users = program.command('users').description('list and manage accounts (admins only)');

  const list = async (options: JsonOption) => {
    const { services, user } = await withUser(runtime);
    const all = await services.users.list(user);
    emit(runtime, options, all.map(presentUserListing), (rows) =>
      renderTable(
        ['NAME', 'ROLE', 'CREATED', 'LAST SEEN'],
        rows.map((u) => [terminalSafe(u.username), u.role, formatTime(u.created_at), u.last_seen_at ? formatTime(u.last_seen_at) : 'never']),
        [],
        terminalWidth(runtime),
      ),
    );
  };
  withJson(users).action(groupAction(list));
  withJson(users.command('list').description('every account: name, role, created, last seen')).action((options: JsonOption, command: Command) =>
    list(withGroupOptions(options, command)),
  );

  withJson(
    users
      .command('add')
      .description('create an account for someone (you stay logged in as yourself)')
      .argument('<username>')
      .option('--admin', 'make the account an admin')
      .option('--password-stdin', 'read the password from the first line of standard input'),
  ).action(async (username: string, given: JsonOption & { admin?: boolean; passwordStdin?: boolean }, command: Command) => {
    const options = withGroupOptions(given, command);
    const { services, user } = await withUser(runtime);
    const password = options.passwordStdin ? await readPasswordFromStdin(runtime) : await promptNewPassword(runtime, 'Password: ');
    const added = await services.users.add(user, username, password, { role: options.admin ? 'admin' : 'user' });
    emit(runtime, options, presentUser(added), (u) => `Added ${u.username} (${u.role})`);
  });

  withJson(
    users
      .command('remove')
      .description('delete an account with its playlists, likes and history')
      .argument('<username>')
      .option('--yes', 'do not ask for confirmation'),
  ).action(async (username: string, given: JsonOption & { yes?: boolean }, command: Command) => {
    const options = withGroupOptions(given, command);
    const { services, user } = await withUser(runtime);
    if (!options.yes) {
      const preview = await services.users.preview(user, username);
      if (!canPrompt(runtime)) throw new TunesError('usage', `removing ${username} needs confirmation`, 'pass --yes to remove without asking');
      if (!(await confirm(runtime, `Remove ${preview.user.username} with ${describeCounts(preview)}?`))) {
        throw new TunesError('usage', 'cancelled; nothing was removed');
      }
    }
    const removed = await services.users.remove(user, username);
    emit(runtime, options, presentRemovedUser(removed), () => `Removed ${removed.user.username} with ${describeCounts(removed)}`);
  });

  withJson(
    users
      .command('role')
      .description('make an account admin or user (the last admin stays admin)')
      .argument('<username>')
      .addArgument(new Argument('<role>', 'admin or user').choices(ROLES)),
  ).action(async (username: string, role: Role, given: JsonOption, command: Command) => {
    const options = withGroupOptions(given, command);
    const { services, user } = await withUser(runtime);
    const { user: changed, changed: didChange } = await services.users.setRole(user, username, role);
    emit(runtime, options, { username: changed.username, role: changed.role, changed: didChange }, (r) =>
      r.changed ? `${r.username} is now ${r.role === 'admin' ? 'an admin' : 'a user'}` : `${r.username} was already ${r.role === 'admin' ? 'an admin' : 'a user'}`,
    );
  });
}

function describeCounts(counts: RemovedUser): string {
  return `${plural(counts.playlists, 'playlist')}, ${plural(counts.likes, 'like')}, ${plural(counts.plays, 'play')} of history and ${plural(counts.sessions, 'session')}`;
}
