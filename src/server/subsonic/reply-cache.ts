import type { RenderedReply, SubsonicFormat } from './envelope.js';
import type { SubsonicParams } from './params.js';

/**
 * Whole answers as sent (bytes and content type) for the calls clients repeat most (search3 while
 * typing and paging, album lists while scrolling), per user, endpoint, format and parameters: a hit
 * costs the credential check, the change marker and writing bytes, not a search, the user's stars,
 * presenting and serialising. An entry is used only under the database change marker it was made
 * under, and every write (a scan here or in another process, a star, a playlist change, a play)
 * changes it, so stars and lists are never stale. Bounded by entries and by bytes, least recently
 * used first out.
 */
export const REPLY_CACHE_ENTRIES = 1024;
export const REPLY_CACHE_BYTES = 64 * 1024 * 1024;
/** A bigger answer (a client syncing the library by pages of 500) is not kept. */
export const REPLY_CACHE_MAX_BODY = 512 * 1024;

export interface ReplyCache {
  get(key: string, marker: string): RenderedReply | undefined;
  set(key: string, marker: string, reply: RenderedReply): void;
}

export function createReplyCache({ maxEntries = REPLY_CACHE_ENTRIES, maxBytes = REPLY_CACHE_BYTES } = {}): ReplyCache {
  const entries = new Map<string, RenderedReply>();
  let entriesMarker = '';
  let bytes = 0;
  const clearUnless = (marker: string) => {
    if (marker === entriesMarker) return;
    entries.clear();
    bytes = 0;
    entriesMarker = marker;
  };
  return {
    get(key, marker) {
      clearUnless(marker);
      const hit = entries.get(key);
      if (hit === undefined) return undefined;
      entries.delete(key);
      entries.set(key, hit);
      return hit;
    },
    set(key, marker, reply) {
      // Made under a marker that has moved on since: the data may have changed while it was made.
      if (marker !== entriesMarker || reply.body.length > REPLY_CACHE_MAX_BODY) return;
      const old = entries.get(key);
      if (old !== undefined) {
        bytes -= old.body.length;
        entries.delete(key);
      }
      while (entries.size > 0 && (entries.size >= maxEntries || bytes + reply.body.length > maxBytes)) {
        const [oldestKey, oldest] = entries.entries().next().value!;
        entries.delete(oldestKey);
        bytes -= oldest.body.length;
      }
      entries.set(key, reply);
      bytes += reply.body.length;
    },
  };
}

/** Parameters that say who calls and how, not what: the key has the user and the format instead. */
const NOT_PART_OF_THE_QUESTION = new Set(['u', 'p', 't', 's', 'apiKey', 'c', 'v', 'f', 'callback']);

/** One call's cache key: the user, the endpoint, the format and every other parameter as sent. */
export function replyCacheKey(userId: number, endpoint: string, format: SubsonicFormat, params: SubsonicParams): string {
  const question = params
    .names()
    .filter((name) => !NOT_PART_OF_THE_QUESTION.has(name))
    .sort()
    .map((name) => [name, params.all(name)]);
  const how = format.kind === 'jsonp' ? `jsonp:${format.callback}` : format.kind;
  return JSON.stringify([userId, endpoint, how, question]);
}
