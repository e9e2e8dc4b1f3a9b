import type { MonthMinutes } from '../domain/year-stats.js';

// Charts for `tunes stats` and `tunes wrapped`: Unicode blocks, or plain numbers when NO_COLOR is set.

const EIGHTHS = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
const SHADES = ['·', '░', '▒', '▓', '█'];
const MONTH_NAMES = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
export const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

/** https://no-color.org: set and not empty. */
export function plainCharts(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env['NO_COLOR']);
}

/** A bar `value / max` of `width` cells, in eighths of a cell. */
export function bar(value: number, max: number, width: number): string {
  if (max <= 0 || value <= 0) return '';
  const eighths = Math.max(1, Math.round((value / max) * width * 8));
  return '█'.repeat(Math.floor(eighths / 8)) + EIGHTHS[eighths % 8];
}

/** "Mar" for 2026-03, with the year when the months span more than one ("Mar 2026"). */
export function monthLabel(month: string, withYear: boolean): string {
  const [year, number] = month.split('-');
  const name = MONTH_NAMES[Number(number) - 1] ?? month;
  return withYear ? `${name} ${year}` : name;
}

export function monthChart(months: MonthMinutes[], width: number, plain: boolean): string {
  const withYear = new Set(months.map((m) => m.month.slice(0, 4))).size > 1;
  const labels = months.map((m) => monthLabel(m.month, withYear));
  const labelWidth = Math.max(...labels.map((l) => l.length));
  const numberWidth = Math.max(...months.map((m) => String(m.minutes).length));
  const max = Math.max(...months.map((m) => m.minutes));
  const barWidth = Math.max(10, Math.min(50, width - labelWidth - numberWidth - 8));
  return months
    .map((m, i) => {
      const label = labels[i]!.padEnd(labelWidth);
      const minutes = `${String(m.minutes).padStart(numberWidth)} min`;
      return plain ? `${label}  ${minutes}` : `${label} ${bar(m.minutes, max, barWidth).padEnd(barWidth)} ${minutes}`;
    })
    .join('\n');
}

/** The listening clock: a row per weekday, a column per hour; shades by quarter of the busiest hour. */
export function clockHeatMap(clock: number[][], plain: boolean): string {
  const max = Math.max(0, ...clock.flat());
  if (plain) {
    const cell = Math.max(2, String(max).length);
    const header = `    ${Array.from({ length: 24 }, (_, h) => String(h).padStart(cell)).join(' ')}`;
    return [header, ...clock.map((row, d) => `${WEEKDAYS[d]} ${row.map((n) => String(n).padStart(cell)).join(' ')}`)].join('\n');
  }
  const shade = (n: number) => (n === 0 ? SHADES[0] : SHADES[Math.min(4, Math.ceil((n / max) * 4))]);
  const header = `    ${'0     6     12    18    '.slice(0, 24)}`;
  const rows = clock.map((row, d) => `${WEEKDAYS[d]} ${row.map(shade).join('')}`);
  return [header, ...rows, `    ${SHADES.join(' ')}  fewer → more plays (busiest hour: ${max})`].join('\n');
}
