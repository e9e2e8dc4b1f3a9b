import type { Command } from 'commander';
import { TunesError } from '../../errors.js';
import { emit, withJson, type JsonOption } from '../output.js';
import { presentUser } from '../present/user.js';
import { promptHidden, promptLine, readPasswordFromStdin } from '../prompt.js';
import type { CliRuntime } from '../runtime.js';

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
    let password: string;
    if (options.passwordStdin) {
      password = await readPasswordFromStdin(runtime);
    } else {
      password = await promptHidden(runtime, 'Password: ');
      if ((await promptHidden(runtime, 'Repeat password: ')) !== password) {
        throw new TunesError('invalid_input', 'passwords do not match');
      }
    }
    const user = await (await runtime.services()).session.register(name, password);
    emit(runtime, options, presentUser(user), (u) => `Registered ${u.username}`);
  });

  withJson(
    program
      .command('login')
      .description('log in; the session is kept in your local config for 30 days')
      .argument('[username]', 'asked for when not given')
      .option('--password-stdin', 'read the password from the first line of standard input'),
  ).action(async (username: string | undefined, options: CredentialOptions) => {
    const name = username ?? (await promptLine(runtime, 'Username: '));
    const password = options.passwordStdin
      ? await readPasswordFromStdin(runtime)
      : await promptHidden(runtime, 'Password: ');
    const user = await (await runtime.services()).session.login(name, password);
    emit(runtime, options, presentUser(user), (u) => `Logged in as ${u.username}`);
  });

  withJson(program.command('logout').description('end the session kept on this machine')).action(
    async (options: JsonOption) => {
      const { wasLoggedIn } = await (await runtime.services()).session.logout();
      emit(runtime, options, { logged_out: wasLoggedIn }, (r) => (r.logged_out ? 'Logged out' : 'Not logged in'));
    },
  );

  withJson(program.command('whoami').description('show who is logged in')).action(async (options: JsonOption) => {
    const user = await (await runtime.services()).session.currentUser();
    emit(runtime, options, presentUser(user), (u) => `${u.username} (${u.role})`);
  });
}
