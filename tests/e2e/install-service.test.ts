import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTunes, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('tunes install-service', () => {
  it('writes a systemd user unit that runs the background player, which systemd-analyze verifies', async () => {
    const home = join(tempDir(), 'a home with "quotes" and 100%');
    mkdirSync(home);
    const config = join(tempDir(), 'config');
    const result = await runTunes(['install-service'], { home, env: { XDG_CONFIG_HOME: config } });
    const path = join(config, 'systemd', 'user', 'tunes-player.service');
    expect(result).toEqual({
      code: 0,
      stdout: `installed ${path}\nstart it now and at every login with: systemctl --user enable --now tunes-player.service\n`,
      stderr: '',
    });
    const text = readFileSync(path, 'utf8');
    expect(statSync(path).mode & 0o777).toBe(0o644);
    expect(text).toContain(`\nExecStart="${process.execPath}" "${TUNES_BIN}" player run\n`);
    // systemd's quoting: the home's quotes escaped, its % doubled (a specifier otherwise).
    expect(text).toContain(`\nEnvironment="TUNES_HOME=${home.replaceAll('"', '\\"').replaceAll('%', '%%')}"\n`);
    expect(text).toContain('\nRestart=on-failure\n');
    expect(text).toContain('\n[Install]\nWantedBy=default.target\n');

    const runtime = tempDir('tunes-xdg-');
    const verified = spawnSync('systemd-analyze', ['--user', 'verify', path], { encoding: 'utf8', env: { ...process.env, XDG_RUNTIME_DIR: runtime } });
    expect(verified.error).toBeUndefined();
    expect(verified.stdout + verified.stderr).toBe('');
    expect(verified.status).toBe(0);

    const again = await runTunes(['install-service', '--json'], { home, env: { XDG_CONFIG_HOME: config } });
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(again.stdout)).toEqual({ path, start: 'systemctl --user enable --now tunes-player.service' });
  });

  it('a folder it cannot write to is one line and exit 6', async () => {
    const blocked = join(tempDir(), 'blocked');
    mkdirSync(blocked);
    spawnSync('sh', ['-c', `: > '${join(blocked, 'systemd')}'`]);
    const result = await runTunes(['install-service'], { home: tempDir(), env: { XDG_CONFIG_HOME: blocked } });
    expect(result.code).toBe(6);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^tunes: cannot write .*tunes-player\.service: .+\n$/);
  });
});
