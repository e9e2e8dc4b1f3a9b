import { describe, expect, it } from 'vitest';
import { commandFromJson } from '../../../src/services/playback/command-json.js';
import { commandFromWords, parseClock } from '../../../src/services/playback/command-words.js';

const words = (text: string) => commandFromWords(text.split(' '));

describe('player commands from words', () => {
  it('reads the CLI words and key actions into commands', () => {
    expect(words('next')).toEqual({ type: 'next' });
    expect(words('prev')).toEqual({ type: 'previous' });
    expect(words('toggle')).toEqual({ type: 'toggle' });
    expect(words('resume')).toEqual({ type: 'resume' });
    expect(words('seek +10')).toEqual({ type: 'seek', seconds: 10, mode: 'relative' });
    expect(words('seek -5')).toEqual({ type: 'seek', seconds: -5, mode: 'relative' });
    expect(words('seek 90')).toEqual({ type: 'seek', seconds: 90, mode: 'absolute' });
    expect(words('seek 1:30')).toEqual({ type: 'seek', seconds: 90, mode: 'absolute' });
    expect(words('seek 1:02:03')).toEqual({ type: 'seek', seconds: 3723, mode: 'absolute' });
    expect(words('seek +1:30')).toEqual({ type: 'seek', seconds: 90, mode: 'relative' });
    expect(words('volume 40')).toEqual({ type: 'volume', value: 40, mode: 'absolute' });
    expect(words('volume +5')).toEqual({ type: 'volume', value: 5, mode: 'relative' });
    expect(words('volume -5')).toEqual({ type: 'volume', value: -5, mode: 'relative' });
    expect(words('shuffle')).toEqual({ type: 'shuffle' });
    expect(words('shuffle on')).toEqual({ type: 'shuffle', on: true });
    expect(words('repeat one')).toEqual({ type: 'repeat', mode: 'one' });
    expect(words('mute')).toEqual({ type: 'mute' });
    expect(words('queue clear')).toEqual({ type: 'queue-clear' });
    expect(words('queue play 3')).toEqual({ type: 'queue-play', index: 2 });
    expect(words('queue remove 1 4')).toEqual({ type: 'queue-remove', indexes: [0, 3] });
    expect(words('queue move 5 1')).toEqual({ type: 'queue-move', from: 4, to: 0 });
    expect(words('queue add 12 40 --next')).toEqual({ type: 'queue-add', selection: { song_ids: [12, 40] }, placement: 'next' });
    expect(words('player quit')).toEqual({ type: 'quit' });
  });

  it('steps come from the settings', () => {
    const steps = { seekStep: 15, volumeStep: 2 };
    expect(commandFromWords(['seek', 'forward'], steps)).toEqual({ type: 'seek', seconds: 15, mode: 'relative' });
    expect(commandFromWords(['seek', 'back'], steps)).toEqual({ type: 'seek', seconds: -15, mode: 'relative' });
    expect(commandFromWords(['volume', 'up'], steps)).toEqual({ type: 'volume', value: 2, mode: 'relative' });
    expect(commandFromWords(['volume', 'down'], steps)).toEqual({ type: 'volume', value: -2, mode: 'relative' });
  });

  it('says what is wrong, as usage (exit 2) errors', () => {
    const fails = (text: string, message: RegExp) => expect(() => words(text)).toThrow(message);
    fails('seek soon', /seek takes \+10, -5, 90 or 1:30 \(got "soon"\)/);
    fails('seek 1:75', /seek takes/);
    fails('volume 101', /from 0 to 100 \(got 101\)/);
    fails('volume loud', /volume takes a level/);
    fails('repeat twice', /repeat takes off, all or one/);
    fails('shuffle maybe', /shuffle takes on or off/);
    fails('queue play 0', /whole numbers from 1/);
    fails('queue move 1', /two positions/);
    fails('next 3', /next takes no arguments/);
    fails('frobnicate', /unknown player command "frobnicate"/);
    expect(() => words('seek')).toThrow(expect.objectContaining({ code: 'usage' }));
    expect(parseClock('90')).toBe(90);
    expect(parseClock('1:5')).toBe(65);
    expect(parseClock('abc')).toBeUndefined();
  });
});

describe('player commands from JSON (the socket)', () => {
  it('accepts every command as the types describe it', () => {
    const accepted = [
      { type: 'play', selection: { song_ids: [1, 2] }, start: 1, shuffle: true, repeat: 'all' },
      { type: 'play', selection: { words: 'joni', artist: 'Joni Mitchell' } },
      { type: 'pause' },
      { type: 'seek', seconds: -5.5, mode: 'relative' },
      { type: 'volume', value: 40, mode: 'absolute' },
      { type: 'queue-add', selection: { playlist: 'road trip' }, placement: 'next' },
      { type: 'queue-remove', entry_ids: [7] },
      { type: 'queue-play', entry_id: 3 },
      { type: 'quit' },
    ];
    for (const command of accepted) expect(commandFromJson(command)).toEqual(command);
  });

  it('refuses anything else with invalid_input, never passing a malformed command on', () => {
    const refused: unknown[] = [
      null,
      'next',
      [],
      { type: 'explode' },
      { type: 'seek', seconds: '5', mode: 'relative' },
      { type: 'seek', seconds: Number.NaN, mode: 'relative' },
      { type: 'seek', seconds: 5, mode: 'sideways' },
      { type: 'play', selection: { song_ids: [0] } },
      { type: 'play', selection: { song_ids: 'all' } },
      { type: 'play', selection: [] },
      { type: 'queue-add', selection: {}, placement: 'middle' },
      { type: 'queue-remove' },
      { type: 'queue-remove', indexes: [1], entry_ids: [2] },
      { type: 'queue-move', from: -1, to: 2 },
      { type: 'queue-play', index: 1.5 },
      { type: 'repeat', mode: 'forever' },
      { type: 'mute', muted: 'yes' },
    ];
    for (const value of refused) expect(() => commandFromJson(value), JSON.stringify(value)).toThrow(expect.objectContaining({ code: 'invalid_input' }));
  });
});
