import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { Database } from '../schema.js';
import type { SongLikeness, SongMove, SongWriter, StoredFile } from '../repositories/song-writes.js';
import { createPostgresAlbumWriter, type WriterHandle } from './postgres-album-writer.js';

/** The columns a scan writes, with their PostgreSQL types (for jsonb_to_recordset). */
const COLUMNS: ReadonlyArray<readonly [string, string]> = [
  ['title', 'text'], ['artist', 'text'], ['album', 'text'], ['album_artist', 'text'], ['genre', 'text'], ['year', 'integer'],
  ['track_no', 'integer'], ['disc_no', 'integer'], ['duration_ms', 'integer'], ['codec', 'text'], ['bitrate', 'integer'],
  ['sample_rate', 'integer'], ['size', 'bigint'], ['mtime_ms', 'bigint'],
  ['replaygain_track_gain_db', 'double precision'], ['replaygain_track_peak', 'double precision'],
  ['replaygain_album_gain_db', 'double precision'], ['replaygain_album_peak', 'double precision'],
  ['dev', 'bigint'], ['ino', 'bigint'], ['compilation_tag', 'integer'], ['album_folder', 'text'], ['file_order', 'text'],
  ['album_id', 'integer'], ['artist_id', 'integer'], ['album_artist_name', 'text'], ['album_order', 'text'],
  ['lyrics_sidecar', 'text'],
];
const NAMES = COLUMNS.map(([name]) => name);
const READ_COLUMNS = [...NAMES, 'cover_id', 'scan_version'];
const RECORD = sql.raw(['path text', 'picture_hash text', 'picture_mime text', 'picture_size bigint', 'lyrics_source text', 'lyrics_language text', 'lyrics_text text', ...COLUMNS.map(([n, t]) => `${n} ${t}`)].join(', '));
const STORED = sql.raw('id, path, size, mtime_ms, missing_since, dev, ino, scan_version, lyrics_sidecar');

/** `path` starts with `prefix`, as a LIKE pattern (the path index has text_pattern_ops for it). */
const under = (prefix: string) => sql`path like ${prefix.replace(/[\\%_]/g, (c) => `\\${c}`) + '%'}`;

/**
 * The scanner's writer on PostgreSQL: each batch is one statement over a jsonb array of rows (one
 * round trip for 2,000 songs), in the transaction `inTransaction` opened when there is one.
 */
export function createPostgresSongWriter(db: Kysely<Database>): SongWriter {
  let trx: Kysely<Database> | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  const handle: WriterHandle = {
    current: () => trx ?? db,
    inTransaction<T>(work: () => Promise<T>): Promise<T> {
      if (trx) return work();
      // One transaction at a time per writer: the scan's statements all go to the open one.
      const next = queue.then(() =>
        db.transaction().execute(async (t) => {
          trx = t;
          try {
            return await work();
          } finally {
            trx = undefined;
          }
        }),
      );
      queue = next.catch(() => undefined);
      return next;
    },
  };
  const rows = async <T>(query: RawBuilder<unknown>) => (await query.execute(handle.current())).rows as T[];
  const run = async (query: RawBuilder<unknown>) => Number((await query.execute(handle.current())).numAffectedRows ?? 0);
  const albums = createPostgresAlbumWriter(handle);
  const moveOne = async (m: SongMove) => {
    // The row just read at the new path has the file's current tags: the moved song takes them too.
    const columns = sql.raw(READ_COLUMNS.join(', '));
    await run(sql`update songs set (${columns}) = (select ${columns} from songs where path = ${m.path})
      where id = ${m.id} and exists (select 1 from songs where path = ${m.path})`);
    // The fresh row's lyrics go with its tags (its row is dropped next).
    await run(sql`delete from song_lyrics where song_id = ${m.id}
      and exists (select 1 from songs where path = ${m.path} and id != ${m.id})
      and not exists (select 1 from song_lyrics l join songs f on f.id = l.song_id where f.path = ${m.path} and f.id != ${m.id})`);
    await run(sql`insert into song_lyrics (song_id, source, language, text)
      select ${m.id}, source, language, text from song_lyrics where song_id = (select id from songs where path = ${m.path} and id != ${m.id})
      on conflict (song_id) do update set source = excluded.source, language = excluded.language, text = excluded.text`);
    await run(sql`delete from songs where path = ${m.path} and id != ${m.id}`);
    await run(sql`update songs set path = ${m.path}, missing_since = null where id = ${m.id}`);
  };

  return {
    albums,
    // The search words' vocabulary (SQLite reads FTS5's), for the typo stage.
    refreshSearchTerms: () =>
      handle.inTransaction(async () => {
        await run(sql`delete from search_terms`);
        await run(sql`insert into search_terms (term, head, length, docs)
          select word, substr(word, 1, 1), length(word), ndoc from ts_stat('select search_words from songs where missing_since is null')`);
      }),
    async storedFiles(prefixes) {
      if (prefixes === null) return rows<StoredFile>(sql`select ${STORED} from songs`);
      const byId = new Map<number, StoredFile>();
      for (const prefix of prefixes) for (const row of await rows<StoredFile>(sql`select ${STORED} from songs where ${under(prefix)}`)) byId.set(row.id, row);
      return [...byId.values()];
    },
    storedAt: async (paths) => (paths.length === 0 ? [] : rows<StoredFile>(sql`select ${STORED} from songs where path = any(${[...paths]}::text[])`)),
    countAll: async () => (await rows<{ n: number }>(sql`select count(*) as n from songs`))[0]!.n,
    storedByIdentity: async (files) =>
      files.length === 0
        ? []
        : rows<StoredFile>(sql`select ${STORED} from songs where (dev, ino) in (
            select f.dev, f.ino from jsonb_to_recordset(${JSON.stringify(files.map((f) => ({ dev: f.dev, ino: f.ino })))}::jsonb) f(dev bigint, ino bigint))`),
    missingFiles: () => rows<StoredFile>(sql`select ${STORED} from songs where missing_since is not null`),
    async upsertBatch(songs, now, version) {
      if (songs.length === 0) return;
      const json = JSON.stringify(songs.map(({ picture, lyrics, ...song }) => ({
        ...song, picture_hash: picture?.hash ?? null, picture_mime: picture?.mime ?? null, picture_size: picture?.byte_size ?? null,
        lyrics_source: lyrics?.source ?? null, lyrics_language: lyrics?.language ?? null, lyrics_text: lyrics?.text ?? null,
      })));
      await handle.inTransaction(async () => {
        if (songs.some((s) => s.picture !== null)) {
          await run(sql`insert into covers (hash, mime, byte_size, created_at)
            select distinct on (s.picture_hash) s.picture_hash, s.picture_mime, s.picture_size, ${now}
            from jsonb_to_recordset(${json}::jsonb) s(${RECORD}) where s.picture_hash is not null
            on conflict (hash) do nothing`);
        }
        const names = sql.raw(NAMES.join(', '));
        const values = sql.raw(NAMES.map((n) => `s.${n}`).join(', '));
        const updates = sql.raw(READ_COLUMNS.map((c) => `${c} = excluded.${c}`).join(', '));
        await run(sql`insert into songs (path, ${names}, cover_id, scan_version, added_at, missing_since)
          select s.path, ${values}, (select c.id from covers c where c.hash = s.picture_hash), ${version}, ${now}, null
          from jsonb_to_recordset(${json}::jsonb) s(${RECORD})
          on conflict (path) do update set ${updates}, missing_since = null`);
        await run(sql`insert into song_lyrics (song_id, source, language, text)
          select songs.id, s.lyrics_source, s.lyrics_language, s.lyrics_text
          from jsonb_to_recordset(${json}::jsonb) s(${RECORD}) join songs on songs.path = s.path where s.lyrics_text is not null
          on conflict (song_id) do update set source = excluded.source, language = excluded.language, text = excluded.text`);
        await run(sql`delete from song_lyrics where song_id in (select songs.id
          from jsonb_to_recordset(${json}::jsonb) s(${RECORD}) join songs on songs.path = s.path where s.lyrics_text is null)`);
      });
    },
    async restoreBatch(ids) {
      if (ids.length > 0) await run(sql`update songs set missing_since = null where id = any(${[...ids]}::integer[])`);
    },
    async markMissingBatch(ids, now) {
      if (ids.length > 0) await run(sql`update songs set missing_since = ${now} where id = any(${[...ids]}::integer[]) and missing_since is null`);
    },
    async moveBatch(moves) {
      if (moves.length > 0) await handle.inTransaction(async () => { for (const m of moves) await moveOne(m); });
    },
    async setIdentityBatch(updates) {
      if (updates.length === 0) return;
      await run(sql`update songs set dev = s.dev, ino = s.ino
        from jsonb_to_recordset(${JSON.stringify(updates)}::jsonb) s(id integer, dev bigint, ino bigint) where songs.id = s.id`);
    },
    async mergeBatch(merges) {
      if (merges.length === 0) return;
      await handle.inTransaction(async () => {
        for (const m of merges) {
          const dups = [...m.duplicates];
          await run(sql`insert into likes (user_id, song_id, liked_at)
            select user_id, ${m.survivor}, min(liked_at) from likes where song_id = any(${dups}::integer[]) group by user_id
            on conflict (user_id, song_id) do update set liked_at = least(likes.liked_at, excluded.liked_at)`);
          await run(sql`delete from likes where song_id = any(${dups}::integer[])`);
          await run(sql`update playlist_songs set song_id = ${m.survivor} where song_id = any(${dups}::integer[])`);
          await run(sql`update plays set song_id = ${m.survivor} where song_id = any(${dups}::integer[])`);
          await run(sql`update songs set added_at = least(added_at, coalesce((select min(added_at) from songs where id = any(${dups}::integer[])), added_at))
            where id = ${m.survivor}`);
          for (const id of dups) await run(sql`delete from songs where id = ${id} and path != ${m.path}`);
          // The duplicate at the survivor's new path (if any) is the last to go: the survivor takes its tags.
          await moveOne({ id: m.survivor, path: m.path });
        }
      });
    },
    likeness: async (ids) =>
      ids.length === 0 ? [] : rows<SongLikeness>(sql`select id, title, artist, album, duration_ms from songs where id = any(${[...ids]}::integer[])`),
    countVisibleUnder: async (prefix) =>
      (await rows<{ n: number }>(sql`select count(*) as n from songs where ${under(prefix)} and missing_since is null`))[0]!.n,
    async deleteMissing(prefixes) {
      if (prefixes === null) return run(sql`delete from songs where missing_since is not null`);
      return handle.inTransaction(async () => {
        let n = 0;
        for (const prefix of prefixes) n += await run(sql`delete from songs where missing_since is not null and ${under(prefix)}`);
        return n;
      });
    },
  };
}
