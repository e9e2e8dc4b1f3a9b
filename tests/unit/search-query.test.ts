import { describe, expect, it } from 'vitest';
import { toMatchExpression } from '../../src/services/catalog/search-query.js';

describe('toMatchExpression', () => {
  it('quotes every word as a prefix term, so all must match', () => {
    expect(toMatchExpression('sigur ros')).toBe('"sigur"* "ros"*');
    expect(toMatchExpression('  Beyoncé\t halo ')).toBe('"Beyoncé"* "halo"*');
  });

  it('takes FTS5 syntax literally and escapes quotes', () => {
    expect(toMatchExpression('NEAR(a b)')).toBe('"NEAR(a"* "b)"*');
    expect(toMatchExpression('title:love^')).toBe('"title:love^"*');
    expect(toMatchExpression('say "hi"')).toBe('"say"* """hi"""*');
  });

  it('drops words with no letters or digits, and gives up when none are left', () => {
    expect(toMatchExpression('ac/dc - live')).toBe('"ac/dc"* "live"*');
    expect(toMatchExpression('- ... !!')).toBeUndefined();
    expect(toMatchExpression('')).toBeUndefined();
  });
});
