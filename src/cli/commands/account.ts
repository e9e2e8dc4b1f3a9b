import type { Command } from 'commander';
import type { User } from '../../domain/user.js';
import { emit, note, withJson, type JsonOption } from '../output.js';
import { presentPasswordChange, presentUser } from '../present/user.js';
import { promptHidden, promptLine, promptNewPassword, readPasswordFromStdin, readPasswordsFromStdin } from '../prompt.js';
import type { CliRuntime } from '../runtime.js';
import { withUser } from './current-user.js';
import { loginToRemote, logoutOfRemote, type RemoteLoginOptions } from './servers.js';
import { plural } from './playlist-render.js';

interface CredentialOptions extends JsonOption {
  passwordStdin?: boolean;
}

export function registerAccountCommands(program: Command, runtime: CliRuntime): void {
  withJson(
    program
      .command('register')
      .description('create an account (the first one becomes admin) and log in')
      .argument('[username]', 'asked for when not given')
      .option('--password-stdin', 'read the password from the first line of standard input'),
  ).action(async (username: string | undefined, options: CredentialOptions) => {
    const name = username ?? (await promptLine(runtime, 'Username: '));
    const password = options.passwordStdin ? await readPasswordFromStdin(runtime) : await promptNewPassword(runtime, 'Password: ');
    const { session } = await runtime.services();
    const previous = await session.storedUser();
    const user = await session.register(name, password);
    // Registering logs the new account in, so this machine's old session ends: say so, never silently.
    emit(runtime, options, presentUser(user), (u) =>
      previous ? `Registered ${u.username}\nLogged out ${previous.username}; now logged in as ${u.username}` : `Registered ${u.username}`,
    );
    if (previous?.role === 'admin' && !options.json) {
      note(runtime, `hint: to add an account without logging out, run: tunes users add ${user.username}`);
    }
  });

  withJson(
    program
      .command('login')
      .description('log in; the session is kept in your local config for 30 days (--server: to a remote library)')
      .argument('[username]', 'asked for when not given')
      .option('--password-stdin', 'read the password from the first line of standard input')
      .option('--server <url>', 'log in to a tunes or Subsonic server and use its library from now on')
      .option('--apikey-stdin', 'with --server: read an app key (API key) instead of a password from standard input')
      .option('--ca <file>', 'with --server: trust this CA certificate (a self-signed HTTPS server)')
      .option('--name <name>', 'with --server: the name tunes servers lists it under (default: host:port)'),
  ).action(async (username: string | undefined, options: CredentialOptions & Partial<RemoteLoginOptions>) => {
    if (options.server !== undefined) return loginToRemote(runtime, username, { ...options, server: options.server });
    const name = username ?? (await promptLine(runtime, 'Username: '));
    const password = options.passwordStdin
      ? await readPasswordFromStdin(runtime)
      : await promptHidden(runtime, 'Password: ');
    const { session } = await runtime.services();
    const previous = await session.storedUser();
    const user = await session.login(name, password);
    emit(runtime, options, presentUser(user), (u) =>
      previous && previous.id !== u.id ? `Logged in as ${u.username} (logged out ${previous.username})` : `Logged in as ${u.username}`,
    );
  });

  withJson(
    program
      .command('logout')
      .description('end the session kept on this machine')
      .option('--all', 'end every session of yours: other machines, the UI, HTTP API tokens'),
  ).action(async (options: JsonOption & { all?: boolean }) => {
    if (!options.all && (await logoutOfRemote(runtime, options))) return;
    const { session } = await runtime.services();
    if (options.all) {
      const { user, endedSessions } = await session.logoutEverywhere();
      emit(runtime, options, { logged_out: true, username: user.username, ended_sessions: endedSessions }, (r) =>
        `Logged out ${r.username} everywhere (${plural(r.ended_sessions, 'session')} ended)`,
      );
      return;
    }
    const { wasLoggedIn } = await session.logout();
    emit(runtime, options, { logged_out: wasLoggedIn }, (r) => (r.logged_out ? 'Logged out' : 'Not logged in'));
  });

  withJson(
    program
      .command('passwd')
      .description("change your password (every other session of yours ends); admins: set another user's")
      .argument('[username]', "an admin sets this user's password instead (all their sessions end)")
      .option('--password-stdin', 'read the passwords from standard input: current then new, one per line (only the new one for another user)'),
  ).action(async (username: string | undefined, options: CredentialOptions) => {
    const { services, user } = await withUser(runtime);
    const forOther = username !== undefined && username.toLowerCase() !== user.username.toLowerCase();
    let change: { user: User; endedSessions: number };
    if (forOther) {
      const [next] = options.passwordStdin ? await readPasswordsFromStdin(runtime, ['new password']) : [await promptNewPassword(runtime)];
      change = await services.users.resetPassword(user, username, next!);
    } else {
      const [current, next] = options.passwordStdin
        ? await readPasswordsFromStdin(runtime, ['current password', 'new password'])
        : [await promptHidden(runtime, 'Current password: '), await promptNewPassword(runtime)];
      change = await services.session.changePassword(current!, next!);
    }
    emit(runtime, options, presentPasswordChange(change), (r) => {
      const others = forOther ? 'session' : 'other session';
      return `Password changed for ${r.username} (${plural(r.ended_sessions, others)} ended)`;
    });
  });

  withJson(program.command('whoami').description('show who is logged in')).action(async (options: JsonOption) => {
    const user = await (await runtime.services()).session.currentUser();
    const server = runtime.remoteServer();
    // The local library's output stays as it was; a remote one says where it is.
    const shown = server ? { ...presentUser(user), server: server.name, url: server.url } : presentUser(user);
    emit(runtime, options, shown, (u) => (server ? `${u.username} (${u.role}) on ${server.name} (${server.url})` : `${u.username} (${u.role})`));
  });
}
