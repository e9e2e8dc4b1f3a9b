const ASCII = /^[\x00-\x7f]*$/;

/** Lower case without accents, as FTS5's unicode61 remove_diacritics tokenizer sees text. */
export function fold(text: string): string {
  return ASCII.test(text) ? text.toLowerCase() : text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
