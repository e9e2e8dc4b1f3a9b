/**
 * A value made on first use, then kept. For Intl objects held at module level: building the first
 * Intl.Collator or Intl.Segmenter loads ICU data (~10-25 ms each at start-up), which a command that
 * never sorts names or splits graphemes should not pay for.
 */
export function madeOnce<T>(make: () => T): () => T {
  let value: T | undefined;
  let made = false;
  return () => {
    if (!made) {
      value = make();
      made = true;
    }
    return value as T;
  };
}
