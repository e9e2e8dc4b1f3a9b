import type { AppKey, CreatedAppKey } from '../../domain/app-key.js';

/** An app key as `tunes apikey list` and GET /api/me/apikeys show it: never the key. */
export function presentAppKey(key: AppKey) {
  return { id: key.id, name: key.name, created_at: key.created_at, last_used_at: key.last_used_at };
}

/** A key just made: the one time `key` is shown. */
export function presentCreatedAppKey(key: CreatedAppKey) {
  return { ...presentAppKey(key), key: key.key };
}
