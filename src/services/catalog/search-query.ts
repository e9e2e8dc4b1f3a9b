/**
 * Turns what a person types into an FTS5 MATCH expression: every word must match, each as a prefix
 * ("beyon" finds "Beyoncé"). Words are quoted, so FTS5 syntax (AND, NEAR, *, ^, :) is taken literally;
 * punctuation inside a word ("ac/dc") becomes a phrase of its parts. Returns undefined when nothing
 * searchable is left (only punctuation).
 */
export function toMatchExpression(query: string): string | undefined {
  const words = query
    .split(/\s+/u)
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
    .map((word) => `"${word.replaceAll('"', '""')}"*`);
  return words.length === 0 ? undefined : words.join(' ');
}
