import type { StatsPlayRow } from '../../db/repositories/play-stats.js';
import type { FirstSong, MonthMinutes, StatsTally, Streak, YearStats } from '../../domain/year-stats.js';
import { localDayKey, localMonthKey, localWeekday, monthKeysBetween, nextDayKey, previousDayKey } from './local-time.js';

interface Bucket {
  name: string;
  artist: string | null;
  song_id: number | null;
  plays: number;
  ms: number;
}

interface SummaryInput {
  year: number | null;
  from: Date;
  to: Date;
  /** Artists played before the range, so the ones heard first inside it count as new. */
  knownArtists: string[];
  limit: number;
}

const fold = (text: string) => text.trim().toLocaleLowerCase();
const minutes = (ms: number) => Math.round(ms / 60_000);

/** Everything computed here, in local time (TZ), from plain rows: both database dialects agree. */
export function summarizePlays(plays: StatsPlayRow[], { year, from, to, knownArtists, limit }: SummaryInput): YearStats {
  const songs = new Map<string, Bucket>();
  const artists = new Map<string, Bucket>();
  const albums = new Map<string, Bucket>();
  const genres = new Map<string, Bucket>();
  const monthKeys = monthKeysBetween(from, new Date(Math.max(from.getTime(), to.getTime() - 1)));
  const months = new Map<string, MonthMinutes & { ms: number }>(monthKeys.map((month) => [month, { month, plays: 0, minutes: 0, ms_played: 0, ms: 0 }]));
  const clock = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
  const days = new Set<string>();
  const known = new Set(knownArtists.map(fold));
  const newArtists: string[] = [];
  let totalMs = 0;
  let firstSong: FirstSong | null = null;

  for (const play of plays) {
    const at = new Date(play.started_at);
    totalMs += play.ms_played;
    firstSong ??= { title: play.title, artist: play.artist, started_at: play.started_at };
    count(songs, String(play.song_id), play.title, play.artist, play.song_id, play.ms_played);
    count(artists, fold(play.artist), play.artist, null, null, play.ms_played);
    const albumArtist = play.album_artist ?? play.artist;
    if (play.album.trim()) count(albums, `${fold(play.album)}\u0000${fold(albumArtist)}`, play.album, albumArtist, null, play.ms_played);
    if (play.genre?.trim()) count(genres, fold(play.genre), play.genre, null, null, play.ms_played);
    const month = months.get(localMonthKey(at));
    if (month) {
      month.plays += 1;
      month.ms += play.ms_played;
    }
    clock[localWeekday(at)]![at.getHours()]! += 1;
    days.add(localDayKey(at));
    if (!known.has(fold(play.artist))) {
      known.add(fold(play.artist));
      newArtists.push(play.artist);
    }
  }

  return {
    year,
    from: from.toISOString(),
    to: to.toISOString(),
    plays: plays.length,
    minutes: minutes(totalMs),
    ms_played: totalMs,
    top_songs: top(songs, limit),
    top_artists: top(artists, limit),
    top_albums: top(albums, limit),
    top_genres: top(genres, limit),
    months: [...months.values()].map(({ month, plays: n, ms }) => ({ month, plays: n, minutes: minutes(ms), ms_played: ms })),
    clock,
    longest_streak: longestStreak(days),
    first_song: firstSong,
    new_artists: newArtists,
  };
}

function count(map: Map<string, Bucket>, key: string, name: string, artist: string | null, songId: number | null, ms: number): void {
  const bucket = map.get(key) ?? { name, artist, song_id: songId, plays: 0, ms: 0 };
  bucket.plays += 1;
  bucket.ms += ms;
  map.set(key, bucket);
}

/** Most plays first, then most time, then by name, so equal counts come out the same every time. */
function top(map: Map<string, Bucket>, limit: number): StatsTally[] {
  return [...map.values()]
    .sort((a, b) => b.plays - a.plays || b.ms - a.ms || a.name.localeCompare(b.name))
    .slice(0, limit)
    .map(({ name, artist, song_id, plays, ms }) => ({ name, artist, song_id, plays, minutes: minutes(ms), ms_played: ms }));
}

/** The longest run of consecutive local days with a play; the earliest run wins a tie. */
export function longestStreak(days: Set<string>): Streak {
  let best: Streak = { days: 0, from: null, to: null };
  for (const day of [...days].sort()) {
    if (days.has(previousDayKey(day))) continue;
    let end = day;
    let length = 1;
    while (days.has(nextDayKey(end))) {
      end = nextDayKey(end);
      length += 1;
    }
    if (length > best.days) best = { days: length, from: day, to: end };
  }
  return best;
}
