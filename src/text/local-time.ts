/**
 * A stored time (ISO 8601, UTC) as people read it: "2026-03-01 13:05" in the machine's time zone.
 * JSON keeps the ISO string; text for people uses this, in every command.
 */
export function localDateTime(time: string | number): string {
  const d = new Date(time);
  if (Number.isNaN(d.getTime())) return String(time);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
