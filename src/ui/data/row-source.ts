/**
 * What a list reads from: a count and pages of rows by offset. Views build one from a service call,
 * so the list never holds more than the pages around what is on screen.
 */
export interface RowSource<Row> {
  /** Changes whenever the rows may differ (new query, playlist edited): the list drops its cache. */
  readonly key: string;
  /** undefined when counting would be slow (a search): the list then grows as pages arrive. */
  count(): Promise<number | undefined>;
  rows(offset: number, limit: number): Promise<Row[]>;
  /** Drops anything the source itself cached, before a refresh after an edit. */
  invalidate?(): void;
}

export const PAGE_SIZE = 100;
/** Pages kept around the visible window; older ones are dropped so memory stays flat at any size. */
export const MAX_CACHED_PAGES = 8;

/** A small LRU of loaded pages, keyed by page number. */
export class PageCache<Row> {
  private readonly pages = new Map<number, Row[]>();

  get(page: number): Row[] | undefined {
    const rows = this.pages.get(page);
    if (rows) {
      this.pages.delete(page);
      this.pages.set(page, rows);
    }
    return rows;
  }

  set(page: number, rows: Row[]): void {
    this.pages.delete(page);
    this.pages.set(page, rows);
    while (this.pages.size > MAX_CACHED_PAGES) {
      const oldest = this.pages.keys().next().value;
      if (oldest === undefined) break;
      this.pages.delete(oldest);
    }
  }

  row(index: number): Row | undefined {
    return this.pages.get(Math.floor(index / PAGE_SIZE))?.[index % PAGE_SIZE];
  }

  get size(): number {
    return this.pages.size;
  }
}

/** Page numbers covering rows [start, start + length). */
export function pagesFor(start: number, length: number): number[] {
  if (length <= 0) return [];
  const first = Math.floor(start / PAGE_SIZE);
  const last = Math.floor((start + length - 1) / PAGE_SIZE);
  const pages: number[] = [];
  for (let page = first; page <= last; page += 1) pages.push(page);
  return pages;
}
