import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, resolveSettings, SETTING_KEYS, settingSpec } from '../../src/config/settings.js';
import { TunesError } from '../../src/errors.js';
import { replayGainFileOptions, startSettingsArgs } from '../../src/player/mpv-start-settings.js';
import { parseMpvOptions, unknownMpvOptions } from '../../src/player/mpv-user-options.js';
import { COLOR_THEME, LIGHT_THEME, MONO_THEME, themeFor } from '../../src/ui/theme.js';

const failure = (work: () => unknown): string => {
  try {
    work();
  } catch (error) {
    if (error instanceof TunesError) return `${error.code}: ${error.message}`;
    throw error;
  }
  return 'no error';
};

describe('the settings table', () => {
  it('holds the issue-12 and issue-13 settings with their defaults', () => {
    expect(SETTING_KEYS).toEqual(['seek-step', 'volume-step', 'audio-device', 'replaygain', 'mpv-options', 'theme', 'idle-timeout', 'mpd-listen', 'watch', 'stream-bitrate', 'cover-art']);
    expect(DEFAULT_SETTINGS).toEqual({
      'seek-step': 5, 'volume-step': 5, 'audio-device': 'auto', replaygain: 'off', 'mpv-options': '', theme: 'auto', 'idle-timeout': 600, 'mpd-listen': '', watch: 'on', 'stream-bitrate': 0, 'cover-art': 'auto',
    });
  });

  it('parses typed values and refuses bad ones saying what is allowed', () => {
    expect(settingSpec('seek-step').parse(' 10 ')).toBe(10);
    for (const bad of ['0', '601', '2.5', '-1', 'far', '', '1e2']) {
      expect(failure(() => settingSpec('seek-step').parse(bad))).toBe(`invalid_input: seek-step must be a whole number from 1 to 600 (seconds) (got "${bad}")`);
    }
    expect(settingSpec('replaygain').parse('Album')).toBe('album');
    expect(failure(() => settingSpec('replaygain').parse('loud'))).toBe('invalid_input: replaygain must be one of off, track, album (got "loud")');
    expect(failure(() => settingSpec('theme').parse('neon'))).toBe('invalid_input: theme must be one of auto, dark, light, mono (got "neon")');
    expect(failure(() => settingSpec('audio-device').parse('bad\u001b[2Jname'))).toMatch(/^invalid_input: audio-device must be/);
    expect(failure(() => settingSpec('nope'))).toBe(
      'invalid_input: unknown setting "nope"; the settings are seek-step, volume-step, audio-device, replaygain, mpv-options, theme, idle-timeout, mpd-listen, watch, stream-bitrate, cover-art',
    );
    expect(settingSpec('idle-timeout').parse('0')).toBe(0);
    expect(failure(() => settingSpec('idle-timeout').parse('soon'))).toMatch(/^invalid_input: idle-timeout must be a whole number from 0 to 604800/);
    for (const good of ['127.0.0.1:6600', 'localhost:6600', '[::1]:6600', '/run/user/1000/mpd.sock', '']) expect(settingSpec('mpd-listen').parse(good)).toBe(good);
    for (const bad of ['6600', '127.0.0.1:0', '127.0.0.1:70000', 'host:port', 'relative/socket']) {
      expect(failure(() => settingSpec('mpd-listen').parse(bad))).toMatch(/^invalid_input: mpd-listen must be HOST:PORT/);
    }
  });

  it('validates stored values like typed ones, naming the file', () => {
    expect(resolveSettings({ 'seek-step': 10, theme: 'light', unrelated: 1 }, 'f.json')).toMatchObject({ 'seek-step': 10, theme: 'light', 'volume-step': 5 });
    expect(failure(() => resolveSettings({ 'volume-step': 99 }, '/h/config.json'))).toBe(
      'invalid_input: /h/config.json: volume-step must be a whole number from 1 to 50 (percent) (got "99")',
    );
    expect(failure(() => resolveSettings({ replaygain: ['track'] }, 'c'))).toMatch(/^invalid_input: c: replaygain must be/);
  });
});

describe('mpv-options', () => {
  it('splits like a shell without running one and keeps quoted values whole', () => {
    expect(parseMpvOptions(`--audio-exclusive=yes --af='lavfi=[loudnorm=I=-16]' --title="a b" --no-audio-display`).map((o) => o.arg)).toEqual([
      '--audio-exclusive=yes',
      '--af=lavfi=[loudnorm=I=-16]',
      '--title=a b',
      '--no-audio-display',
    ]);
    expect(parseMpvOptions('--x=$HOME').map((o) => o.arg)).toEqual(['--x=$HOME']);
    expect(parseMpvOptions('')).toEqual([]);
  });

  it('refuses shell syntax, words that are not options, and what tunes relies on', () => {
    const refusal = (text: string) => failure(() => parseMpvOptions(text));
    expect(refusal('--a; rm -rf ~')).toMatch(/";" is shell syntax/);
    expect(refusal('--a | tee')).toMatch(/"\|" is shell syntax/);
    expect(refusal('--a > /etc/passwd')).toMatch(/">" is shell syntax/);
    expect(refusal('song.mp3')).toMatch(/"song.mp3" is not an mpv option/);
    expect(refusal('-v')).toMatch(/"-v" is not an mpv option/);
    expect(refusal('--')).toMatch(/"--" is not an mpv option/);
    for (const reserved of ['--input-ipc-server=/tmp/s', '--input-ipc-client=fd://4', '--idle=no', '--config=yes', '--no-config', '--include=x.conf',
      '--keep-open=yes', '--loop-file=inf', '--volume=130', '--audio-device=alsa', '--replaygain=track', '--video=auto', '--terminal']) {
      expect(refusal(reserved)).toMatch(/cannot be set here: /);
    }
    expect(refusal('--af-add=lavfi=[x] --start-add=1')).toMatch(/--start cannot be set here/);
  });

  it('names options this mpv does not know', () => {
    const known = new Set(['af', 'audio-exclusive', 'audio-display']);
    expect(unknownMpvOptions(parseMpvOptions('--af-add=x --audio-exclusive --no-audio-display --frobnicate=1'), known)).toEqual(['--frobnicate']);
  });

  it('become mpv arguments with the device and ReplayGain mode, and a per-file fallback from the stored gain', () => {
    expect(startSettingsArgs({ audioDevice: 'auto', replayGain: 'off', userOptions: '' })).toEqual([]);
    expect(startSettingsArgs({ audioDevice: 'pulse/usb dac', replayGain: 'track', userOptions: '--audio-buffer=0.5' })).toEqual([
      '--audio-buffer=0.5',
      '--audio-device=pulse/usb dac',
      '--replaygain=track',
    ]);
    const gain = { trackDb: -6.48, albumDb: -7.1 };
    expect(replayGainFileOptions('off', gain)).toEqual({});
    expect(replayGainFileOptions('track', gain)).toEqual({ 'replaygain-fallback': '-6.48' });
    expect(replayGainFileOptions('album', gain)).toEqual({ 'replaygain-fallback': '-7.1' });
    expect(replayGainFileOptions('album', { trackDb: -3, albumDb: null })).toEqual({ 'replaygain-fallback': '-3' });
    expect(replayGainFileOptions('track', { trackDb: null, albumDb: -7 })).toEqual({});
  });
});

describe('theme', () => {
  it('follows the setting, and NO_COLOR only when the setting is auto', () => {
    expect(themeFor({}, 'auto')).toBe(COLOR_THEME);
    expect(themeFor({ NO_COLOR: '1' }, 'auto')).toBe(MONO_THEME);
    expect(themeFor({ NO_COLOR: '1' }, 'light')).toBe(LIGHT_THEME);
    expect(themeFor({}, 'mono')).toBe(MONO_THEME);
    expect(themeFor({}, 'dark')).toBe(COLOR_THEME);
  });
});
