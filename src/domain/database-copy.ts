/** One table's rows as `tunes db copy` copied (and counted again on the target). */
export interface CopiedTableCount {
  table: string;
  rows: number;
}

/** What a finished `tunes db copy` did. Locations are shown as people may see them (no password). */
export interface DatabaseCopy {
  from: string;
  to: string;
  tables: CopiedTableCount[];
  total_rows: number;
  /** App keys were copied: they open only with the server key file the source's servers use. */
  server_key_file: string | null;
}

export interface DatabaseCopyProgress {
  table: string;
  done: number;
  total: number;
}
