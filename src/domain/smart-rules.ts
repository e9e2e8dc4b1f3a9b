/** A smart playlist's rules as parsed (src/services/smart/rule-parser.ts); the db layer turns them into SQL. */
export type TextField = 'title' | 'artist' | 'album' | 'genre' | 'any';
export type NumberField = 'year' | 'plays' | 'duration_ms';
/** Times measured back from now: `added:<14d` is "added in the last 14 days". */
export type AgeField = 'added' | 'played';
export type Comparison = '=' | '<' | '<=' | '>' | '>=';

export type Rule =
  | { kind: 'text'; field: TextField; value: string }
  | { kind: 'number'; field: NumberField; op: Comparison; value: number }
  | { kind: 'range'; field: NumberField; from: number; to: number }
  /** Age in ms: `op` compares the age, so `<` means "more recently than". */
  | { kind: 'age'; field: AgeField; op: Comparison; ms: number }
  | { kind: 'liked' }
  | { kind: 'not'; rule: Rule }
  | { kind: 'and'; rules: Rule[] }
  | { kind: 'or'; rules: Rule[] }
  /** No rules at all: every song. */
  | { kind: 'all' };

export const SMART_SORTS = ['title', 'artist', 'album', 'year', 'added', 'duration', 'plays', 'played', 'random'] as const;
export type SmartSortField = (typeof SMART_SORTS)[number];
export interface SmartSort {
  field: SmartSortField;
  descending: boolean;
}
