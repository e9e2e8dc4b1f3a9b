import { monthName, plays, WEEKDAYS, type MonthMinutes } from '../stats.js';

/** Minutes per month as horizontal bars, each labelled with its figure (the bar is only a picture of it). */
export function MonthBars({ months }: { months: readonly MonthMinutes[] }) {
  const withYear = new Set(months.map((m) => m.month.slice(0, 4))).size > 1;
  const most = Math.max(1, ...months.map((m) => m.minutes));
  return (
    <ul class="month-bars" aria-label="Minutes per month">
      {months.map((m) => (
        <li key={m.month}>
          <span class="month-name">{monthName(m.month, withYear)}</span>
          <span class="bar-track" aria-hidden="true">
            <span class="bar" style={{ width: `${(100 * m.minutes) / most}%` }} />
          </span>
          <span class="month-minutes">{m.minutes} min</span>
        </li>
      ))}
    </ul>
  );
}

/** Plays by weekday and hour as a heat map; each cell says its count to screen readers and on hover. */
export function ListeningClock({ clock }: { clock: readonly number[][] }) {
  const most = Math.max(1, ...clock.flat());
  return (
    <div class="clock-wrap">
      <table class="listening-clock" aria-label="Listening clock: plays by weekday and hour">
        <thead>
          <tr>
            <td class="corner" />
            {Array.from({ length: 24 }, (_, hour) => (
              <th key={hour} scope="col">
                {hour % 6 === 0 ? String(hour).padStart(2, '0') : ''}
                <span class="visually-hidden">{hour % 6 === 0 ? '' : String(hour).padStart(2, '0')}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {clock.map((hours, day) => (
            <tr key={day}>
              <th scope="row">{WEEKDAYS[day]}</th>
              {hours.map((count, hour) => {
                const label = `${WEEKDAYS[day]} ${String(hour).padStart(2, '0')}:00, ${plays(count)}`;
                return (
                  <td key={hour} title={label} aria-label={label} data-plays={count} class={count > 0 ? 'lit' : ''} style={count > 0 ? { opacity: 0.25 + (0.75 * count) / most } : undefined} />
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
