import type { Kysely } from 'kysely';
import type { SmartColumns } from '../../db/repositories/playlists.js';
import * as playlists from '../../db/repositories/playlists.js';
import type { Database } from '../../db/schema.js';
import { writeTransaction } from '../../db/write-transaction.js';
import { insertNamed } from '../playlists/insert-playlist.js';
import { nameKey } from '../playlists/playlist-rules.js';
import type { PlaylistRef } from '../playlists/playlist-types.js';

/** The smart playlists every user has. */
export const BUILT_IN_PLAYLISTS: ReadonlyArray<{ key: string; name: string; description: string } & SmartColumns> = [
  { key: 'recently-added', name: 'Recently added', description: 'the 100 songs added last', rules: '', rules_sort: '-added', rules_limit: 100 },
  { key: 'most-played', name: 'Most played', description: 'your 100 most played songs', rules: 'plays:>0', rules_sort: '-plays', rules_limit: 100 },
  { key: 'never-played', name: 'Never played', description: 'songs you have not played yet', rules: 'plays:0', rules_sort: 'random', rules_limit: 200 },
  {
    key: 'forgotten-favourites',
    name: 'Forgotten favourites',
    description: 'songs you like and have not played for 90 days',
    rules: 'liked -played:<90d',
    rules_sort: 'random',
    rules_limit: 100,
  },
];

/** Every user has the built-in smart playlists; they are made the first time the user's playlists are listed. */
export async function ensureBuiltIns(db: Kysely<Database>, userId: number, now: () => string): Promise<void> {
  const have = await playlists.builtInKeys(db, userId);
  const wanted = BUILT_IN_PLAYLISTS.filter((b) => !have.has(b.key));
  if (wanted.length === 0) return;
  await writeTransaction(db, async (trx) => {
    const present = await playlists.builtInKeys(trx, userId);
    for (const b of wanted) {
      if (present.has(b.key)) continue;
      let name = b.name;
      // A playlist of the user's own may already hold the name.
      for (let n = 2; await playlists.findOwnedByNameKey(trx, userId, nameKey(name)); n += 1) name = `${b.name} (${n})`;
      await insertNamed(trx, {
        ownerId: userId, name, description: b.description, now: now(),
        smart: { rules: b.rules, rules_sort: b.rules_sort, rules_limit: b.rules_limit, built_in: b.key },
      });
    }
  });
}

/** A built-in named by a person before it was ever listed is made then. */
export async function builtInNamed(db: Kysely<Database>, userId: number, ref: PlaylistRef, now: () => string): Promise<void> {
  if (typeof ref === 'string' && BUILT_IN_PLAYLISTS.some((b) => nameKey(b.name) === nameKey(ref))) await ensureBuiltIns(db, userId, now);
}
