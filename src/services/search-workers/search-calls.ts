import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.js';
import { TunesError, UnavailableError, type ErrorCode } from '../../errors.js';
import { createAlbumListService } from '../browse/album-lists.js';
import { createBrowseService } from '../browse/browse-service.js';
import { createCatalogService } from '../catalog/catalog-service.js';

/** The reads a search worker answers: the catalogue's listing and search, Subsonic's album/artist search, album lists and pages of albums. */
export function searchCalls(db: Kysely<Database>) {
  const catalog = createCatalogService({ db });
  const lists = createAlbumListService({ db });
  const browse = createBrowseService({ db });
  return {
    browseAlbums: browse.albums,
    listSongs: catalog.listSongs,
    countMatching: catalog.countMatching,
    searchAlbums: lists.searchAlbums,
    searchArtists: lists.searchArtists,
    albums: lists.albums,
  };
}

export type SearchCalls = ReturnType<typeof searchCalls>;
export type SearchMethod = keyof SearchCalls;

export interface SearchRequest {
  id: number;
  method: SearchMethod;
  args: unknown[];
}

/** An error as it crosses a thread: TunesError's fields, or a driver error's code (SQLITE_BUSY) for storage faults. */
export interface WireError {
  message: string;
  tunesCode?: ErrorCode | undefined;
  hint?: string | undefined;
  retryAfterSeconds?: number | undefined;
  code?: string | undefined;
}

export type SearchReply = { id: number; value: unknown } | { id: number; error: WireError };

export function toWireError(error: unknown): WireError {
  if (error instanceof TunesError) {
    return { message: error.message, tunesCode: error.code, hint: error.hint, retryAfterSeconds: error instanceof UnavailableError ? error.retryAfterSeconds : undefined };
  }
  const code = (error as { code?: unknown } | null)?.code;
  return { message: error instanceof Error ? error.message : String(error), code: typeof code === 'string' ? code : undefined };
}

export function fromWireError(wire: WireError): Error {
  if (wire.tunesCode === 'unavailable' && wire.retryAfterSeconds !== undefined) return new UnavailableError(wire.message, wire.retryAfterSeconds, wire.hint);
  if (wire.tunesCode !== undefined) return new TunesError(wire.tunesCode, wire.message, wire.hint);
  return Object.assign(new Error(wire.message), wire.code === undefined ? {} : { code: wire.code });
}
