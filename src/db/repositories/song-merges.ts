import type BetterSqlite3 from 'better-sqlite3';

/**
 * Moves everything people attached to some songs onto another song, before those songs are deleted:
 * likes (one per user, keeping the earliest time), playlist places (each entry keeps its position, so
 * positions stay 1..n) and plays. The earliest `added_at` of them all is kept too.
 */
export function createReferenceMover(sqlite: BetterSqlite3.Database): (survivor: number, duplicates: readonly number[]) => void {
  const ids = 'select value from json_each(@duplicates)';
  // `where true`: an upsert's SELECT needs a WHERE for SQLite to parse ON CONFLICT as the upsert's.
  const likes = sqlite.prepare(
    `insert into likes (user_id, song_id, liked_at)
     select user_id, @survivor, min(liked_at) from likes where song_id in (${ids}) group by user_id having true
     on conflict (user_id, song_id) do update set liked_at = min(likes.liked_at, excluded.liked_at)`,
  );
  const dropLikes = sqlite.prepare(`delete from likes where song_id in (${ids})`);
  const places = sqlite.prepare(`update playlist_songs set song_id = @survivor where song_id in (${ids})`);
  const plays = sqlite.prepare(`update plays set song_id = @survivor where song_id in (${ids})`);
  const addedAt = sqlite.prepare(
    `update songs set added_at = min(added_at, coalesce((select min(added_at) from songs where id in (${ids})), added_at))
     where id = @survivor`,
  );
  return (survivor, duplicates) => {
    const params = { survivor, duplicates: JSON.stringify(duplicates) };
    likes.run(params);
    dropLikes.run(params);
    places.run(params);
    plays.run(params);
    addedAt.run(params);
  };
}
