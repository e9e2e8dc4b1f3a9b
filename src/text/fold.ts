const ASCII = /^[\x00-\x7f]*$/;

/**
 * Lower case without accents, as FTS5's unicode61 remove_diacritics tokenizer sees text: canonical
 * decomposition only (NFD), since the tokenizer does not fold ligatures or full-width forms either;
 * neither folds letters such as ø or ł, which have no decomposition.
 */
export function fold(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}
