import { describe, expect, it } from 'vitest';
import { editDistance, editDistances } from '../../src/text/edit-distance.js';
import { typoBudget } from '../../src/services/catalog/typo-tolerance.js';

describe('edit distance (Damerau, optimal string alignment)', () => {
  it.each([
    ['beyonse', 'beyonce', 1],
    ['radiohaed', 'radiohead', 1],
    ['radoihaed', 'radiohead', 2],
    ['kitten', 'sitting', 3],
    ['abc', 'abc', 0],
    ['ca', 'abc', 3],
    ['', 'abc', 3],
  ])('%s -> %s is %i', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
    expect(editDistance(b, a, 5)).toBe(d);
  });

  it('stops at the limit', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('measures the closest beginning of a term in the same pass', () => {
    expect(editDistances('beyons', 'beyonce', 1)).toEqual({ whole: 2, prefix: 1 });
    expect(editDistances('radio', 'radiohead', 1)).toEqual({ whole: 2, prefix: 0 });
  });

  it('gives the typo budget by length', () => {
    expect(typoBudget('ab')).toEqual({ edits: 0, swapOnly: false });
    expect(typoBudget('cat')).toEqual({ edits: 1, swapOnly: true });
    expect(typoBudget('beyon')).toEqual({ edits: 1, swapOnly: false });
    expect(typoBudget('radiohaed')).toEqual({ edits: 2, swapOnly: false });
  });
});
