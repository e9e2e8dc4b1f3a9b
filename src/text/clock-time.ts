/**
 * Times as a player shows them: 3:07, or 1:02:03 past an hour; `unknown` when there is none. One
 * rule everywhere (CLI tables, `tunes play`, the UI): a song's length rounds to the nearest second,
 * so a 26.6 s song is 0:27 in every list; an elapsed time (a position, time played) counts whole
 * seconds passed, so it never runs ahead of the music.
 */
export function lengthClock(ms: number | null | undefined, unknown = '-:--'): string {
  return clock(ms, Math.round, unknown);
}

export function elapsedClock(ms: number | null | undefined, unknown = '-:--'): string {
  return clock(ms, Math.floor, unknown);
}

function clock(ms: number | null | undefined, toSeconds: (seconds: number) => number, unknown: string): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return unknown;
  const total = toSeconds(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
