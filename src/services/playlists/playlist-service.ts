import type { Kysely } from 'kysely';
import { isUniqueViolation } from '../../db/dialect/errors.js';
import { TunesError } from '../../errors.js';
import { madeOnce } from '../../text/made-once.js';
import type { Database } from '../../db/schema.js';
import type {
  PlaylistAddResult,
  PlaylistDetail,
  PlaylistExport,
  PlaylistMoveResult,
  PlaylistRemoveResult,
  PlaylistSummary,
} from '../../domain/playlist.js';
import * as likes from '../../db/repositories/likes.js';
import * as entries from '../../db/repositories/playlist-songs.js';
import * as playlists from '../../db/repositories/playlists.js';
import { existingSongIds } from '../../db/repositories/song-lookup.js';
import { recoverable } from '../../db/dialect/savepoint.js';
import { writeTransaction } from '../../db/write-transaction.js';
import type { Clock } from '../clock.js';
import { insertNamed, nameTaken } from './insert-playlist.js';
import { exportPlaylist, type ExportFormat } from './playlist-export.js';
import { importPlaylist, type ImportInput, type ImportResult } from './playlist-import.js';
import { nameKey, requirePosition, requirePositiveIds, validateDescription, validatePlaylistName } from './playlist-rules.js';
import type { PlaylistRef, SongSource, SourceSongs } from './playlist-types.js';
import { resolvePlaylist, summaryOf } from './resolve-playlist.js';
import { builtInNamed as builtInNamedIn, ensureBuiltIns } from '../smart/built-ins.js';
import { refuseHandEdit, refuseRulesChange, smartColumns, smartDetail, smartSongs, summaryWithSmart as summaryWithSmartAt, withSmartTotals } from '../smart/smart-playlist.js';

export interface PlaylistService {
  /** With `rules`, a smart playlist (see src/services/smart/rule-parser.ts); a bad rule throws RuleSyntaxError. */
  create(userId: number, name: string, options?: { description?: string; rules?: string; sort?: string; limit?: number }): Promise<PlaylistSummary>;
  /** Makes a playlist smart with these rules (or changes them); refused for a playlist that holds chosen songs and for built-ins. */
  setRules(userId: number, ref: PlaylistRef, input: { rules: string; sort?: string; limit?: number }): Promise<PlaylistSummary>;
  /** The user's own playlists by name, then the built-in smart playlists every user has (unless `builtIns: false`). */
  list(userId: number, options?: { builtIns?: boolean }): Promise<PlaylistSummary[]>;
  /** One playlist by name or id (see resolvePlaylist), without its songs. */
  get(userId: number, ref: PlaylistRef): Promise<PlaylistSummary>;
  show(userId: number, ref: PlaylistRef): Promise<PlaylistDetail>;
  /** Appends (or inserts at `at`, 1..n+1) the songs in the order given; a song already there is added again. */
  addSongs(userId: number, ref: PlaylistRef, songIds: number[], options?: { at?: number }): Promise<PlaylistAddResult>;
  removePositions(userId: number, ref: PlaylistRef, positions: number[]): Promise<PlaylistRemoveResult>;
  move(userId: number, ref: PlaylistRef, from: number, to: number): Promise<PlaylistMoveResult>;
  rename(userId: number, ref: PlaylistRef, newName: string): Promise<PlaylistSummary>;
  /** Changes the name and/or the description (null or blank clears it) in one write. */
  update(userId: number, ref: PlaylistRef, changes: { name?: string; description?: string | null }): Promise<PlaylistSummary>;
  delete(userId: number, ref: PlaylistRef): Promise<PlaylistSummary>;
  /**
   * The songs of a playlist, or of the user's liked songs, in play order: for playback, the UI and the
   * server. Songs whose file went missing are included (missing_since set); players skip them.
   */
  songsOf(userId: number, source: SongSource): Promise<SourceSongs>;
  /** A playlist, or the liked songs (`{ kind: 'liked' }`), as file text. */
  export(userId: number, from: PlaylistRef | SongSource, format: ExportFormat): Promise<PlaylistExport>;
  import(userId: number, input: ImportInput): Promise<ImportResult>;
}

export interface PlaylistDeps {
  db: Kysely<Database>;
  clock: Clock;
}

export function createPlaylistService({ db, clock }: PlaylistDeps): PlaylistService {
  const now = () => clock.now().toISOString();

  /** Reads that span several queries still see one snapshot. */
  const read = <T>(work: (trx: Kysely<Database>) => Promise<T>) => db.transaction().execute(work);

  const builtInNamed = (userId: number, ref: PlaylistRef) => builtInNamedIn(db, userId, ref, now);
  const summaryWithSmart = (trx: Kysely<Database>, id: number) => summaryWithSmartAt(trx, id, clock.now());

  return {
    async create(userId, rawName, options = {}) {
      const name = validatePlaylistName(rawName);
      const description = validateDescription(options.description);
      const smart = options.rules === undefined ? undefined : smartColumns({ rules: options.rules, sort: options.sort, limit: options.limit });
      return writeTransaction(db, async (trx) => {
        const row = await insertNamed(trx, { ownerId: userId, name, description, now: now(), smart });
        return summaryWithSmart(trx, row.id);
      });
    },

    async setRules(userId, ref, input) {
      const smart = smartColumns(input);
      return writeTransaction(db, async (trx) => {
        const playlist = await resolvePlaylist(trx, userId, ref);
        await refuseRulesChange(trx, playlist);
        await playlists.setSmartColumns(trx, playlist.id, smart, now());
        return summaryWithSmart(trx, playlist.id);
      });
    },

    // Sorted as people read names (é next to e, "Playlist 2" before "Playlist 10"), not by UTF-8 bytes.
    async list(userId, options = {}) {
      const builtIns = options.builtIns !== false;
      if (builtIns) await ensureBuiltIns(db, userId, now);
      return read(async (trx) => {
        const all = (await playlists.listOwnedWithTotals(trx, userId)).filter((p) => builtIns || p.built_in === null);
        return (await Promise.all(all.map((p) => (p.rules === null ? p : withSmartTotals(trx, p, clock.now()))))).sort(ownFirstByName);
      });
    },

    get: async (userId, ref) => (await builtInNamed(userId, ref), read(async (trx) => summaryWithSmart(trx, (await resolvePlaylist(trx, userId, ref)).id))),

    show: async (userId, ref) =>
      (await builtInNamed(userId, ref), read(async (trx) => {
        const playlist = await resolvePlaylist(trx, userId, ref);
        if (playlist.rules !== null) return smartDetail(trx, playlist, clock.now());
        return { playlist: await summaryOf(trx, playlist.id), entries: await entries.listEntries(trx, playlist.id) };
      })),

    async addSongs(userId, ref, songIds, options = {}) {
      requirePositiveIds(songIds, 'song id');
      return writeTransaction(db, async (trx) => {
        const playlist = await resolvePlaylist(trx, userId, ref);
        refuseHandEdit(playlist);
        const { id } = playlist;
        await playlists.lockPlaylist(trx, id);
        await requireSongs(trx, songIds);
        const count = await entries.countEntries(trx, id);
        const at = options.at ?? count + 1;
        requirePosition(at, count, 'insert position', count + 1);
        const before = await entries.positionsOfSongs(trx, id, songIds);
        await entries.insertEntries(trx, id, songIds, at, now());
        await playlists.touchPlaylist(trx, id, now());
        return {
          playlist: await summaryOf(trx, id),
          added: songIds.map((songId, i) => ({ position: at + i, song_id: songId })),
          already_present: [...before.keys()],
        };
      });
    },

    async removePositions(userId, ref, positions) {
      requirePositiveIds(positions, 'position');
      return writeTransaction(db, async (trx) => {
        const playlist = await resolvePlaylist(trx, userId, ref);
        refuseHandEdit(playlist);
        const { id } = playlist;
        await playlists.lockPlaylist(trx, id);
        const current = await entries.listEntries(trx, id);
        for (const position of positions) requirePosition(position, current.length);
        const wanted = new Set(positions);
        await entries.deleteAtPositions(trx, id, [...wanted]);
        await playlists.touchPlaylist(trx, id, now());
        return {
          playlist: await summaryOf(trx, id),
          removed: current.filter((e) => wanted.has(e.position)),
        };
      });
    },

    async move(userId, ref, from, to) {
      return writeTransaction(db, async (trx) => {
        const playlist = await resolvePlaylist(trx, userId, ref);
        refuseHandEdit(playlist);
        const { id } = playlist;
        await playlists.lockPlaylist(trx, id);
        const count = await entries.countEntries(trx, id);
        requirePosition(from, count, 'from position');
        requirePosition(to, count, 'to position');
        await entries.moveEntry(trx, id, from, to);
        await playlists.touchPlaylist(trx, id, now());
        const moved = (await entries.listEntries(trx, id)).find((e) => e.position === to);
        if (!moved) throw new TunesError('internal', `position ${to} is empty after a move`);
        return { playlist: await summaryOf(trx, id), entry: moved };
      });
    },

    async rename(userId, ref, rawName) {
      const name = validatePlaylistName(rawName);
      return writeTransaction(db, async (trx) => {
        const { id } = await resolvePlaylist(trx, userId, ref);
        try {
          await recoverable(trx, () => playlists.renamePlaylist(trx, id, name, nameKey(name), now()));
        } catch (error) {
          if (isUniqueViolation(error)) throw await nameTaken(trx, userId, name);
          throw error;
        }
        return summaryOf(trx, id);
      });
    },

    async update(userId, ref, changes) {
      const name = changes.name === undefined ? undefined : validatePlaylistName(changes.name);
      const description = changes.description === undefined ? undefined : validateDescription(changes.description ?? undefined);
      return writeTransaction(db, async (trx) => {
        const { id } = await resolvePlaylist(trx, userId, ref);
        if (name !== undefined) {
          try {
            await recoverable(trx, () => playlists.renamePlaylist(trx, id, name, nameKey(name), now()));
          } catch (error) {
            if (isUniqueViolation(error)) throw await nameTaken(trx, userId, name);
            throw error;
          }
        }
        if (description !== undefined) await playlists.describePlaylist(trx, id, description, now());
        return summaryOf(trx, id);
      });
    },

    async delete(userId, ref) {
      return writeTransaction(db, async (trx) => {
        const playlist = await resolvePlaylist(trx, userId, ref);
        if (playlist.built_in !== null) throw new TunesError('invalid_input', `"${playlist.name}" is built in and cannot be deleted`);
        const { id } = playlist;
        const summary = await summaryWithSmart(trx, id);
        await playlists.deletePlaylist(trx, id);
        return summary;
      });
    },

    songsOf: async (userId, source) =>
      (source.kind === 'playlist' && (await builtInNamed(userId, source.ref)), read(async (trx): Promise<SourceSongs> => {
        const { name, playlistId, songs } = await sourceSongs(trx, userId, source, clock.now());
        return { name, playlistId, songs };
      })),

    export: async (userId, from, format) => {
      const source: SongSource = typeof from === 'object' && 'kind' in from ? from : { kind: 'playlist', ref: from };
      if (source.kind === 'playlist') await builtInNamed(userId, source.ref);
      return read(async (trx) => {
        const { name, description, songs } = await sourceSongs(trx, userId, source, clock.now());
        return { name, song_count: songs.length, text: exportPlaylist(format, { name, description, songs }) };
      });
    },

    import: (userId, input) =>
      importPlaylist(db, input, async (trx, name, description, songIds) => {
        const row = await insertNamed(trx, { ownerId: userId, name: validatePlaylistName(name), description, now: now() });
        await entries.insertEntries(trx, row.id, songIds, 1, now());
        return summaryOf(trx, row.id);
      }),
  };
}

export const LIKED_SONGS_NAME = 'Liked songs';

async function sourceSongs(trx: Kysely<Database>, userId: number, source: SongSource, at: Date) {
  if (source.kind === 'liked') {
    const rows = await likes.listLiked(trx, userId);
    return { name: LIKED_SONGS_NAME, description: null, playlistId: null, songs: rows.map((r) => r.song) };
  }
  const playlist = await resolvePlaylist(trx, userId, source.ref);
  if (playlist.rules !== null) {
    return { name: playlist.name, description: playlist.description, playlistId: playlist.id, songs: await smartSongs(trx, playlist, at) };
  }
  const rows = await entries.listEntries(trx, playlist.id);
  return { name: playlist.name, description: playlist.description, playlistId: playlist.id, songs: rows.map((r) => r.song) };
}

async function requireSongs(trx: Kysely<Database>, songIds: number[]): Promise<void> {
  const found = await existingSongIds(trx, songIds);
  const missing = [...new Set(songIds.filter((id) => !found.has(id)))];
  if (missing.length > 0) {
    throw new TunesError('not_found', `no song with id ${missing.join(', ')}`, 'run `tunes songs` to see song ids');
  }
}

const nameOrder = madeOnce(() => new Intl.Collator(undefined, { sensitivity: 'base', numeric: true }));

/** The user's own playlists first, then the built-ins; each group by name. */
function ownFirstByName(a: PlaylistSummary, b: PlaylistSummary): number {
  return Number(a.built_in !== null) - Number(b.built_in !== null) || byName(a, b);
}

function byName(a: PlaylistSummary, b: PlaylistSummary): number {
  return nameOrder().compare(a.name, b.name) || a.id - b.id;
}
