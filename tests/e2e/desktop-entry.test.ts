import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('tunes install-desktop', () => {
  it('writes tunes.desktop where desktops look, valid to freedesktop validator, named as MPRIS says', async () => {
    const home = tempDir();
    const data = join(tempDir(), 'data');
    const result = await runTunes(['install-desktop'], { home, env: { XDG_DATA_HOME: data } });
    const path = join(data, 'applications', 'tunes.desktop');
    expect(result).toEqual({ code: 0, stdout: `installed ${path}\n`, stderr: '' });
    const text = readFileSync(path, 'utf8');
    expect(text).toMatch(/^\[Desktop Entry\]\n/);
    expect(text).toContain('\nExec=tunes\n');
    expect(text).toContain('\nTerminal=true\n');
    expect(statSync(path).mode & 0o777).toBe(0o644);
    // The MPRIS bridge's DesktopEntry is "tunes": the file's name without .desktop.
    expect(readFileSync(new URL('../../src/daemon/bridges/mpris-bus.ts', import.meta.url), 'utf8')).toContain("desktopEntry: 'tunes'");
    const validated = spawnSync('desktop-file-validate', [path], { encoding: 'utf8' });
    expect(validated.error).toBeUndefined();
    expect(validated.stdout + validated.stderr).toBe('');
    expect(validated.status).toBe(0);

    // Again: replaced whole, and --json says where.
    const again = await runTunes(['install-desktop', '--json'], { home, env: { XDG_DATA_HOME: data } });
    expect(again).toMatchObject({ code: 0, stderr: '' });
    expect(JSON.parse(again.stdout)).toEqual({ path });
  });

  it('a folder it cannot write to is one line and exit 6', async () => {
    const home = tempDir();
    // A file where the folder should be stops everyone (root too, as CI runs).
    const blocked = join(tempDir(), 'blocked');
    mkdirSync(blocked);
    spawnSync('sh', ['-c', `: > '${join(blocked, 'applications')}'`]);
    const result = await runTunes(['install-desktop'], { home, env: { XDG_DATA_HOME: blocked } });
    expect(result.code).toBe(6);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^tunes: cannot write .*tunes\.desktop: .+\n$/);
    expect(result.stderr.split('\n')).toHaveLength(2);
  });
});
