import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/dialect/errors.js';
import { recoverable } from '../../db/dialect/savepoint.js';
import * as playlists from '../../db/repositories/playlists.js';
import type { Database } from '../../db/schema.js';
import { TunesError } from '../../errors.js';
import { nameKey } from './playlist-rules.js';

/** Inserts a playlist under a name the owner does not use yet; a name taken is a conflict naming the playlist that has it. */
export async function insertNamed(
  trx: Kysely<Database>,
  values: { ownerId: number; name: string; description: string | null; now: string; smart?: playlists.SmartColumns | undefined },
) {
  try {
    return await recoverable(trx, () => playlists.insertPlaylist(trx, { ...values, nameKey: nameKey(values.name) }));
  } catch (error) {
    if (isUniqueViolation(error)) throw await nameTaken(trx, values.ownerId, values.name);
    throw error;
  }
}

/** Names the playlist already holding the name, which may be spelt differently ("Café Mix" for "cafe mix"). */
export async function nameTaken(trx: Kysely<Database>, ownerId: number, name: string): Promise<TunesError> {
  const existing = (await playlists.findOwnedByNameKey(trx, ownerId, nameKey(name)))?.name ?? name;
  const spelt = existing === name ? '' : ` (the same name as "${name}")`;
  return new TunesError('conflict', `you already have a playlist named "${existing}"${spelt}`, 'names are compared ignoring case, accents and quote styles');
}
