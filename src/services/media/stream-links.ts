import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { ensureServerSecret } from '../../db/repositories/server-secrets.js';
import { findUserById } from '../../db/repositories/users.js';
import { TunesError } from '../../errors.js';
import type { Clock } from '../clock.js';

/** A link lives at least this long, or twice the song's length when that is longer (seeking late in a long mix). */
export const STREAM_LINK_MIN_TTL_MS = 60 * 60 * 1000;
const STREAM_LINK_MAX_TTL_MS = 24 * 60 * 60 * 1000;
const KEY_NAME = 'stream-links';

/** What a signed stream link carries besides the song id in its path. */
export interface StreamGrant {
  /** The user the link was made for (history and permissions are theirs). */
  user: number;
  /** Expiry, in seconds since the epoch. */
  expires: number;
  /** HMAC-SHA256 over (song, user, expires), base64url. */
  signature: string;
}

/**
 * Links to one song's audio for one user that need no Authorization header, so a browser's
 * `<audio>`, mpv, VLC or a phone can open them: signed with a key kept in the database (every server
 * on the database shares it; it survives restarts), scoped to the song and the user, expiring.
 */
export interface StreamLinkService {
  grant(userId: number, songId: number, durationMs: number | null): Promise<StreamGrant>;
  /** Grants for many songs at once (a page of a list), keyed by song id. */
  grantAll(userId: number, songs: ReadonlyArray<{ id: number; duration_ms: number | null }>): Promise<Map<number, StreamGrant>>;
  /** The user a grant was made for; `forbidden` when tampered, expired, for another song, or their account is gone. */
  verify(songId: number, grant: { user: unknown; expires: unknown; signature: unknown }): Promise<number>;
}

export function createStreamLinkService({ db, clock }: { db: Kysely<Database>; clock: Clock }): StreamLinkService {
  let key: Promise<Buffer> | undefined;
  const signingKey = () => {
    key ??= ensureServerSecret(db, KEY_NAME, () => randomBytes(32), clock.now().toISOString()).catch((error: unknown) => {
      key = undefined;
      throw error;
    });
    return key;
  };
  const signWith = (key: Buffer, songId: number, userId: number, expires: number) =>
    createHmac('sha256', key).update(`tunes-stream\n${songId}\n${userId}\n${expires}`).digest();
  const sign = async (songId: number, userId: number, expires: number) => signWith(await signingKey(), songId, userId, expires);
  const grantWith = (key: Buffer, now: number, userId: number, songId: number, durationMs: number | null): StreamGrant => {
    const ttl = Math.min(STREAM_LINK_MAX_TTL_MS, Math.max(STREAM_LINK_MIN_TTL_MS, 2 * (durationMs ?? 0)));
    const expires = Math.ceil((now + ttl) / 1000);
    return { user: userId, expires, signature: signWith(key, songId, userId, expires).toString('base64url') };
  };

  return {
    async grant(userId, songId, durationMs) {
      return grantWith(await signingKey(), clock.now().getTime(), userId, songId, durationMs);
    },

    async grantAll(userId, songs) {
      const key = await signingKey();
      const now = clock.now().getTime();
      return new Map(songs.map((song) => [song.id, grantWith(key, now, userId, song.id, song.duration_ms)]));
    },

    async verify(songId, grant) {
      const refused = (why: string) => new TunesError('forbidden', `this stream link ${why}`);
      // Only the canonical decimal form is what was signed ("01" is not "1").
      const user = Number(grant.user);
      const expires = Number(grant.expires);
      const canonical = String(user) === String(grant.user) && String(expires) === String(grant.expires);
      if (typeof grant.signature !== 'string' || !canonical || !Number.isSafeInteger(user) || user < 1 || !Number.isSafeInteger(expires)) {
        throw refused('is not valid');
      }
      const given = Buffer.from(grant.signature, 'base64url');
      const wanted = await sign(songId, user, expires);
      // Compared in constant time; any change to the song, user, expiry or signature fails here.
      if (given.length !== wanted.length || !timingSafeEqual(given, wanted)) throw refused('is not valid');
      if (expires * 1000 <= clock.now().getTime()) throw refused('has expired');
      if (!(await findUserById(db, user))) throw refused('is not valid');
      return user;
    },
  };
}
