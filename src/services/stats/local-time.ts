/** Calendar helpers in the machine's time zone (TZ): stats bucket plays by the listener's own days. */

const pad = (n: number) => String(n).padStart(2, '0');

export function localDayKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export function localMonthKey(date: Date): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}`;
}

/** 0 = Monday ... 6 = Sunday. */
export function localWeekday(date: Date): number {
  return (date.getDay() + 6) % 7;
}

/** The local day after a day key (2026-02-28 -> 2026-03-01), DST-safe. */
export function nextDayKey(key: string): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return localDayKey(new Date(y, m - 1, d + 1));
}

export function previousDayKey(key: string): string {
  const [y, m, d] = key.split('-').map(Number) as [number, number, number];
  return localDayKey(new Date(y, m - 1, d - 1));
}

/** Month keys from the month of `from` to the month of `lastInstant`, both included. */
export function monthKeysBetween(from: Date, lastInstant: Date): string[] {
  const keys: string[] = [];
  const cursor = new Date(from.getFullYear(), from.getMonth(), 1);
  const end = localMonthKey(lastInstant);
  for (let guard = 0; guard < 1200; guard++) {
    const key = localMonthKey(cursor);
    keys.push(key);
    if (key >= end) break;
    cursor.setMonth(cursor.getMonth() + 1);
  }
  return keys;
}
