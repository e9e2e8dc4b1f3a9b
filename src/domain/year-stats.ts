/** A name (song, artist, album or genre) with how often and how long it was played. */
export interface StatsTally {
  name: string;
  /** The song's or album's artist; null for artists and genres. */
  artist: string | null;
  /** The song's id for top songs; null otherwise. */
  song_id: number | null;
  plays: number;
  /** Rounded from ms_played, for people. */
  minutes: number;
  ms_played: number;
}

export interface MonthMinutes {
  /** 2026-03 in the listener's time zone. */
  month: string;
  plays: number;
  /** Rounded from ms_played, for people. */
  minutes: number;
  ms_played: number;
}

export interface Streak {
  days: number;
  /** First and last local day (2026-03-01), null when there were no plays. */
  from: string | null;
  to: string | null;
}

export interface FirstSong {
  title: string;
  artist: string;
  started_at: string;
}

/** A year (or the time since a date) of one user's listening; days, months and hours in local time. */
export interface YearStats {
  /** The year asked for; null with --since. */
  year: number | null;
  /** ISO times, from inclusive, to exclusive. */
  from: string;
  to: string;
  plays: number;
  minutes: number;
  ms_played: number;
  top_songs: StatsTally[];
  top_artists: StatsTally[];
  top_albums: StatsTally[];
  top_genres: StatsTally[];
  months: MonthMinutes[];
  /** clock[day][hour]: plays on that weekday (0 = Monday) at that hour (0-23). */
  clock: number[][];
  longest_streak: Streak;
  first_song: FirstSong | null;
  /** Artists first heard in the range, in the order they were first heard. */
  new_artists: string[];
}
