/** An app key as listings show it: never the key itself (that is printed once, when created). */
export interface AppKey {
  id: number;
  name: string;
  created_at: string;
  last_used_at: string | null;
}

/** A key just made: `key` is shown to its owner this once and is never readable again. */
export interface CreatedAppKey extends AppKey {
  key: string;
}
