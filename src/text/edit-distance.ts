/**
 * Damerau-Levenshtein distance in its optimal-string-alignment form (a swap of two neighbours is one
 * edit, as Meilisearch counts typos), over UTF-16 units (search words are folded, so accents are
 * gone). Returns `limit + 1` for anything farther than `limit`.
 */
export function editDistance(a: string, b: string, limit: number): number {
  return editDistances(a, b, limit).whole;
}

/**
 * In one pass: the distance from `word` to the whole `term`, and to the closest beginning of it
 * (`prefix`: "beyons" is one edit from "beyonc", the start of "beyonce"). Stops as soon as every
 * cell of a row is beyond `limit`, so most candidates cost a row or two.
 */
export function editDistances(word: string, term: string, limit: number): { whole: number; prefix: number } {
  const n = word.length;
  const m = term.length;
  const far = limit + 1;
  // Three rows kept between calls (a typo's hundreds of candidates would otherwise allocate three each).
  if (rows.length < 3 * (m + 1)) rows = new Int32Array(6 * (m + 1));
  const width = m + 1;
  let before = 0;
  let previous = width;
  let current = 2 * width;
  for (let j = 0; j <= m; j += 1) {
    rows[before + j] = far;
    rows[previous + j] = j;
  }
  for (let i = 1; i <= n; i += 1) {
    rows[current] = i;
    let rowBest = i;
    const wi = word.charCodeAt(i - 1);
    const wBefore = i > 1 ? word.charCodeAt(i - 2) : -1;
    for (let j = 1; j <= m; j += 1) {
      const tj = term.charCodeAt(j - 1);
      let value = Math.min(rows[previous + j]! + 1, rows[current + j - 1]! + 1, rows[previous + j - 1]! + (wi === tj ? 0 : 1));
      if (j > 1 && wi === term.charCodeAt(j - 2) && wBefore === tj) value = Math.min(value, rows[before + j - 2]! + 1);
      rows[current + j] = value;
      if (value < rowBest) rowBest = value;
    }
    if (rowBest > limit) return { whole: far, prefix: far };
    const spare = before;
    before = previous;
    previous = current;
    current = spare;
  }
  let prefix = far;
  for (let j = 1; j <= m; j += 1) if (rows[previous + j]! < prefix) prefix = rows[previous + j]!;
  return { whole: Math.min(rows[previous + m]!, far), prefix: Math.min(prefix, far) };
}

let rows = new Int32Array(3 * 64);
