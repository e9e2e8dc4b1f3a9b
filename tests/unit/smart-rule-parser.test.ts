import { describe, expect, it } from 'vitest';
import { RuleSyntaxError, parseRules } from '../../src/services/smart/rule-parser.js';

describe('smart playlist rules: parser', () => {
  it.each([
    ['', { kind: 'all' }],
    ['genre:jazz', { kind: 'text', field: 'genre', value: 'jazz' }],
    ['artist:"miles davis"', { kind: 'text', field: 'artist', value: 'miles davis' }],
    ['"kind of blue"', { kind: 'text', field: 'any', value: 'kind of blue' }],
    ['blue', { kind: 'text', field: 'any', value: 'blue' }],
    ['year:<1970', { kind: 'number', field: 'year', op: '<', value: 1970 }],
    ['year:>=1960', { kind: 'number', field: 'year', op: '>=', value: 1960 }],
    ['year:1959', { kind: 'number', field: 'year', op: '=', value: 1959 }],
    ['year:1960..1969', { kind: 'range', field: 'year', from: 1960, to: 1969 }],
    ['plays:>3', { kind: 'number', field: 'plays', op: '>', value: 3 }],
    ['plays:0', { kind: 'number', field: 'plays', op: '=', value: 0 }],
    ['duration:>5m', { kind: 'number', field: 'duration_ms', op: '>', value: 300_000 }],
    ['duration:<=1h30m', { kind: 'number', field: 'duration_ms', op: '<=', value: 5_400_000 }],
    ['duration:<4:30', { kind: 'number', field: 'duration_ms', op: '<', value: 270_000 }],
    ['played:>30d', { kind: 'age', field: 'played', op: '>', ms: 30 * 86_400_000 }],
    ['added:<2w', { kind: 'age', field: 'added', op: '<', ms: 14 * 86_400_000 }],
    ['added:<6mo', { kind: 'age', field: 'added', op: '<', ms: 180 * 86_400_000 }],
    ['liked', { kind: 'liked' }],
    ['-genre:christmas', { kind: 'not', rule: { kind: 'text', field: 'genre', value: 'christmas' } }],
    ['not liked', { kind: 'not', rule: { kind: 'liked' } }],
  ])('%s', (source, expected) => {
    expect(parseRules(source)).toEqual(expected);
  });

  it('and binds tighter than or; parentheses group', () => {
    expect(parseRules('genre:jazz liked or plays:>3')).toEqual({
      kind: 'or',
      rules: [
        { kind: 'and', rules: [{ kind: 'text', field: 'genre', value: 'jazz' }, { kind: 'liked' }] },
        { kind: 'number', field: 'plays', op: '>', value: 3 },
      ],
    });
    expect(parseRules('genre:jazz and (liked OR plays:>3)')).toEqual({
      kind: 'and',
      rules: [
        { kind: 'text', field: 'genre', value: 'jazz' },
        { kind: 'or', rules: [{ kind: 'liked' }, { kind: 'number', field: 'plays', op: '>', value: 3 }] },
      ],
    });
  });

  it('the issue example reads', () => {
    const rule = parseRules('genre:jazz year:<1970 artist:"miles davis" liked plays:>3 played:>30d added:<14d duration:>5m -genre:christmas');
    expect(rule.kind).toBe('and');
    expect(rule.kind === 'and' && rule.rules.length).toBe(9);
  });

  it.each([
    ['gnre:jazz', 'unknown field "gnre"', 0, 4],
    ['genre:jazz year:<19x0', '"19x0" is not a whole number', 16, 5],
    ['duration:>5 minutes', '"5" is not a length', 9, 2],
    ['played:>30', '"30" is not an age', 7, 3],
    ['(genre:jazz or liked', 'this "(" is never closed', 0, 1],
    ['genre:jazz)', 'this ")" has no "("', 10, 1],
    ['genre:jazz or', '"or" needs a rule after it', 11, 2],
    ['artist:"miles', 'this quote is never closed', 7, 1],
    ['year:', '"year:" needs a value', 4, 1],
    ['year:1970..1960', 'the range 1970..1960 is backwards', 5, 10],
    ['()', 'empty parentheses', 0, 1],
    ['liked -', '"-" has nothing to match', 6, 1],
  ])('%s is refused at the part that is wrong', (source, message, column, length) => {
    let error: unknown;
    try {
      parseRules(source);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleSyntaxError);
    const e = error as RuleSyntaxError;
    expect(e.code).toBe('invalid_input');
    expect(e.message).toContain(message);
    expect(e.column).toBe(column);
    expect(e.excerpt()).toEqual([source, `${' '.repeat(column)}${'^'.repeat(length)}`]);
  });
});
