import { realpathSync } from 'node:fs';
import type { Command } from 'commander';
import { installServiceUnit, serviceUnit, SERVICE_NAME } from '../../config/service-unit.js';
import { emit, withJson, type JsonOption } from '../output.js';
import type { CliRuntime } from '../runtime.js';

/** `tunes install-service`: a systemd user unit that keeps the background player running from login on. */
export function registerInstallServiceCommand(program: Command, runtime: CliRuntime): void {
  withJson(
    program
      .command('install-service')
      .description(`install a systemd user unit (${SERVICE_NAME}) that runs the background player from login on, for MPD clients and media keys`),
  ).action((options: JsonOption) => {
    const script = realpathSync(process.argv[1] ?? 'tunes');
    const path = installServiceUnit(serviceUnit({ node: process.execPath, script, env: process.env }), process.env);
    emit(runtime, options, { path, start: `systemctl --user enable --now ${SERVICE_NAME}` }, (result) => `installed ${result.path}\nstart it now and at every login with: ${result.start}`);
  });
}
