/**
 * A time as a player shows it: 3:07, or 1:02:03 past an hour; `unknown` when there is none.
 * Elapsed times cut to the whole second (they never run ahead); song lengths may `round`.
 */
export function clockTime(ms: number | null | undefined, { unknown = '-:--', round = false }: { unknown?: string; round?: boolean } = {}): string {
  if (ms === null || ms === undefined || !Number.isFinite(ms) || ms < 0) return unknown;
  const total = round ? Math.round(ms / 1000) : Math.floor(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = String(total % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`;
}
