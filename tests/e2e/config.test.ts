import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTunes } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';

describe('tunes config', () => {
  it('gets, sets, unsets and lists settings, stored in the local config file (0600)', async () => {
    const home = tempDir();
    expect(await runTunes(['config', 'get', 'seek-step'], { home })).toMatchObject({ code: 0, stdout: '5\n' });
    expect(await runTunes(['config', 'set', 'seek-step', '15'], { home })).toMatchObject({ code: 0, stdout: 'seek-step = 15\n' });
    expect(await runTunes(['config', 'set', 'theme', 'Light'], { home })).toMatchObject({ code: 0, stdout: 'theme = light\n' });
    // Flags as a value need no quoting beyond the shell's, and no `--`.
    const flags = await runTunes(['config', 'set', 'mpv-options', '--audio-buffer=0.5', '--gapless-audio=weak'], { home });
    expect(flags).toMatchObject({ code: 0, stdout: 'mpv-options = --audio-buffer=0.5 --gapless-audio=weak\n' });

    const file = join(home, 'config.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      settings: { 'seek-step': 15, theme: 'light', 'mpv-options': '--audio-buffer=0.5 --gapless-audio=weak' },
    });
    expect(statSync(file).mode & 0o777).toBe(0o600);

    const got = JSON.parse((await runTunes(['config', 'get', 'seek-step', '--json'], { home })).stdout) as unknown;
    expect(got).toEqual({ key: 'seek-step', value: 15, default: 5, is_default: false, type: 'integer', allowed: '1-600 (seconds)', help: expect.any(String) });
    const listed = JSON.parse((await runTunes(['config', '--json'], { home })).stdout) as { file: string; settings: Array<{ key: string; value: unknown }> };
    expect(listed.file).toBe(file);
    expect(listed.settings.map((s) => [s.key, s.value])).toEqual([
      ['seek-step', 15], ['volume-step', 5], ['audio-device', 'auto'], ['replaygain', 'off'], ['mpv-options', '--audio-buffer=0.5 --gapless-audio=weak'], ['theme', 'light'],
      ['idle-timeout', 600], ['mpd-listen', ''], ['watch', 'on'], ['stream-bitrate', 0], ['cover-art', 'auto'],
    ]);
    const human = (await runTunes(['config', 'list'], { home })).stdout;
    expect(human).toMatch(/^seek-step {6}= 15 {2}\(default 5\)\n {17}how far/);
    expect(human).toContain('\nvolume-step    = 5\n');

    expect(await runTunes(['config', 'unset', 'seek-step'], { home })).toMatchObject({ code: 0, stdout: 'seek-step = 5 (the default)\n' });
    expect(await runTunes(['config', 'set', 'theme', 'auto'], { home })).toMatchObject({ code: 0, stdout: 'theme = auto (the default)\n' });
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ settings: { 'mpv-options': '--audio-buffer=0.5 --gapless-audio=weak' } });
  });

  it('refuses an unknown key or a bad value with exit 2, saying what is allowed, and changes nothing', async () => {
    const home = tempDir();
    const unknown = await runTunes(['config', 'set', 'colour', 'red'], { home });
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toBe(
      'tunes: unknown setting "colour"; the settings are seek-step, volume-step, audio-device, replaygain, mpv-options, theme, idle-timeout, mpd-listen, watch, stream-bitrate, cover-art\n' +
        'hint: tunes config list shows every setting and what it allows\n',
    );
    expect((await runTunes(['config', 'get', 'colour'], { home })).code).toBe(2);
    expect((await runTunes(['config', 'unset', 'colour'], { home })).code).toBe(2);

    const cases: Array<[string[], RegExp]> = [
      [['volume-step', '0'], /volume-step must be a whole number from 1 to 50 \(percent\) \(got "0"\)/],
      [['seek-step', '-5'], /seek-step must be a whole number from 1 to 600/],
      [['replaygain', 'loud'], /replaygain must be one of off, track, album/],
      [['theme', 'neon'], /theme must be one of auto, dark, light, mono/],
      [['idle-timeout', 'later'], /idle-timeout must be a whole number from 0 to 604800/],
      [['mpd-listen', '6600'], /mpd-listen must be HOST:PORT/],
      [['stream-bitrate', '1001'], /stream-bitrate must be a whole number from 0 to 1000/],
      [['audio-device', 'no-such-device'], /audio-device "no-such-device" is not one mpv offers here \(auto, /],
      [['mpv-options', '--input-ipc-server=/tmp/evil'], /--input-ipc-server cannot be set here/],
      [['mpv-options', '--no-such-mpv-option=1'], /this mpv has no option --no-such-mpv-option/],
      [['mpv-options', '--af=x; touch /tmp/pwned'], /";" is shell syntax/],
    ];
    for (const [args, message] of cases) {
      const result = await runTunes(['config', 'set', ...args, '--json'], { home });
      expect(result.code, args.join(' ')).toBe(2);
      expect(result.stdout).toBe('');
      expect((JSON.parse(result.stderr) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'invalid_input', message: expect.stringMatching(message) });
    }
    expect((await runTunes(['config', 'set', 'audio-device', 'nope'], { home })).stderr).toContain('hint: tunes devices lists what mpv offers');
    expect(await runTunes(['config', 'frobnicate'], { home })).toMatchObject({ code: 2 });
    expect(() => readFileSync(join(home, 'config.json'), 'utf8')).toThrow();
  });

  it('tunes devices lists what mpv offers, marks the one in use, and it can be chosen', async () => {
    const home = tempDir();
    const devices = JSON.parse((await runTunes(['devices', '--json'], { home })).stdout) as Array<{ name: string; description: string; selected: boolean }>;
    expect(devices[0]).toEqual({ name: 'auto', description: 'Autoselect device', selected: true });
    const other = devices.find((d) => d.name !== 'auto');
    expect(other).toBeDefined();
    expect((await runTunes(['config', 'set', 'audio-device', other!.name], { home })).code).toBe(0);
    const human = (await runTunes(['devices'], { home })).stdout;
    expect(human).toMatch(new RegExp(`^\\* +${other!.name.replace(/[/.]/g, '\\$&')} `, 'm'));
    const without = await runTunes(['devices'], { home, env: { TUNES_MPV: '/nonexistent/mpv' } });
    expect(without.code).toBe(6);
    // Without mpv a device cannot be checked: it is stored, with a note saying so.
    const unchecked = await runTunes(['config', 'set', 'audio-device', 'pulse/later'], { home, env: { TUNES_MPV: '/nonexistent/mpv' } });
    expect(unchecked).toMatchObject({ code: 0, stdout: 'audio-device = pulse/later\n' });
    expect(unchecked.stderr).toContain('not checked');
  });
});
