import type { Kysely } from 'kysely';

/**
 * Playlist names are compared like every other name: case and accents ignored, typographic quotes
 * and dashes as plain ones, runs of spaces as one ("Café Mix" = "cafe mix", "Don’t" = "Don't").
 * 0004's name_key only lower-cased, so this recomputes every key.
 *
 * Two playlists of one owner may now have the same key ("Café Mix" and "Cafe Mix"). Nothing is
 * lost: the oldest keeps its name and each later one is renamed "Cafe Mix (2)", "(3)", ... (its
 * songs, description and id unchanged; updated_at says when).
 *
 * Frozen once landed: the key function is a copy of nameKey in src/services/playlists/
 * playlist-rules.ts as of this migration (migrations never import src/); a test checks they agree.
 */
export function foldedNameKey(name: string): string {
  const folded = /^[\x00-\x7f]*$/.test(name) ? name.toLowerCase() : name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
  return folded
    .replace(/[\u2018\u2019\u201a\u201b\u2032\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\u201c\u201d\u201e\u201f\u2033]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/\s+/g, ' ')
    .trim();
}

const MAX_NAME = 100;

// Kysely<any>: a migration sees the schema as it was then, not today's Database type.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('playlists_owner_name').execute();
  const rows = (await db.selectFrom('playlists').select(['id', 'owner_id', 'name', 'name_key']).orderBy('id').execute()) as Array<{
    id: number;
    owner_id: number;
    name: string;
    name_key: string;
  }>;
  const taken = new Map<number, Set<string>>();
  const now = new Date().toISOString();
  for (const row of rows) {
    const keys = taken.get(row.owner_id) ?? new Set<string>();
    taken.set(row.owner_id, keys);
    let name = row.name;
    let key = foldedNameKey(name);
    for (let n = 2; keys.has(key); n += 1) {
      const suffix = ` (${n})`;
      name = `${[...row.name].slice(0, MAX_NAME - suffix.length).join('').trimEnd()}${suffix}`;
      key = foldedNameKey(name);
    }
    keys.add(key);
    if (name !== row.name) {
      await db.updateTable('playlists').set({ name, name_key: key, updated_at: now }).where('id', '=', row.id).execute();
    } else if (key !== row.name_key) {
      await db.updateTable('playlists').set({ name_key: key }).where('id', '=', row.id).execute();
    }
  }
  await db.schema.createIndex('playlists_owner_name').on('playlists').columns(['owner_id', 'name_key']).unique().execute();
}

/** Back to 0004's key (NFC, lower case); names stay as renamed. Keys that differ now differed then too. */
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('playlists_owner_name').execute();
  const rows = (await db.selectFrom('playlists').select(['id', 'name']).execute()) as Array<{ id: number; name: string }>;
  for (const row of rows) {
    await db.updateTable('playlists').set({ name_key: row.name.trim().normalize('NFC').toLowerCase() }).where('id', '=', row.id).execute();
  }
  await db.schema.createIndex('playlists_owner_name').on('playlists').columns(['owner_id', 'name_key']).unique().execute();
}
