// Ids per statement, keeping bound parameters well under SQLite's limit.
const CHUNK = 500;

/** Runs `work` on `ids` a chunk at a time and answers every chunk's rows together. */
export async function inChunks<T>(ids: readonly number[], work: (chunk: number[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await work(ids.slice(i, i + CHUNK))));
  return out;
}
