import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../api.js';
import { navigate } from '../router.js';
import { minutesText, plays, yearFromQuery, type StatsTally, type StatsYear, type YearStats } from '../stats.js';
import { ListeningClock, MonthBars } from './stats-charts.js';

const thisYear = () => new Date().getFullYear();
const day = (iso: string) => new Date(iso).toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });

function TopList({ title, tallies, withArtist }: { title: string; tallies: readonly StatsTally[]; withArtist: boolean }) {
  if (tallies.length === 0) return null;
  const id = `top-${title.toLowerCase().replace(/\s+/g, '-')}`;
  return (
    <section class="stats-card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ol class="top-list">
        {tallies.map((t, i) => (
          <li key={`${t.name}\u0000${t.artist ?? ''}`}>
            <span class="top-rank" aria-hidden="true">
              {i + 1}.
            </span>
            <span class="top-name">
              {t.name}
              {withArtist && t.artist ? <span class="sub"> · {t.artist}</span> : null}
            </span>
            <span class="sub top-figures">
              {plays(t.plays)} · {t.minutes} min
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}

const go = (to: StatsYear) => navigate(to === thisYear() ? '/stats' : `/stats?year=${to}`);

/** The terminal browser's Stats keys: [ the year before, ] the year after (up to this one), A all time and back. */
function useYearKeys(year: StatsYear): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target;
      if (event.ctrlKey || event.metaKey || event.altKey || target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return;
      if (document.querySelector('[role="dialog"]')) return;
      const now = thisYear();
      const shown = year === 'all' ? now : year;
      const to = event.key === '[' ? shown - 1 : event.key === ']' && year !== 'all' && shown < now ? shown + 1 : event.key === 'A' ? (year === 'all' ? now : 'all') : undefined;
      if (to === undefined) return;
      event.preventDefault();
      go(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [year]);
}

/** Previous / next year and all time, as `tunes stats --year` and the [ ] A keys. */
function YearSwitcher({ year }: { year: StatsYear }) {
  const now = thisYear();
  const shown = year === 'all' ? now : year;
  return (
    <nav class="year-switcher" aria-label="Year">
      <button aria-label={`Year ${shown - 1}`} onClick={() => go(shown - 1)}>
        ‹ {shown - 1}
      </button>
      <button aria-label={`Year ${shown + 1}`} disabled={shown >= now} onClick={() => go(shown + 1)}>
        {shown + 1} ›
      </button>
      <button aria-pressed={year === 'all'} onClick={() => go(year === 'all' ? now : 'all')}>
        All time
      </button>
    </nav>
  );
}

function emptyText(year: StatsYear): string {
  if (year === 'all') return 'No plays yet: songs you play for 30 s (or half their length) count here.';
  return year < thisYear() ? `No plays in ${year}.` : `No plays in ${year} yet.`;
}

/** Your year in music (or all time): `GET /api/me/stats?year=`. */
export function StatsPage({ query }: { query: URLSearchParams }) {
  const year = yearFromQuery(query.get('year'), thisYear());
  useYearKeys(year);
  const [stats, setStats] = useState<YearStats | null | undefined>(undefined);
  const [problem, setProblem] = useState('');
  useEffect(() => {
    let live = true;
    setStats(undefined);
    setProblem('');
    api<YearStats>('GET', `/api/me/stats?year=${year}`)
      .then((answer) => live && setStats(answer))
      .catch((error: Error) => live && (setStats(null), setProblem(error instanceof ApiError ? error.message : String(error))));
    return () => {
      live = false;
    };
  }, [year]);
  const title = year === 'all' ? 'Your music, all time' : `Your ${year} in music`;
  return (
    <section class="page scroll" aria-labelledby="page-title">
      <header class="page-head">
        <h1 id="page-title">{title}</h1>
        <YearSwitcher year={year} />
      </header>
      {stats === undefined ? <p class="empty">Loading…</p> : null}
      {stats === null ? <p class="error" role="alert">{problem}</p> : null}
      {stats && stats.plays === 0 ? <p class="empty">{emptyText(year)}</p> : null}
      {stats && stats.plays > 0 ? <StatsBody stats={stats} allTime={year === 'all'} /> : null}
    </section>
  );
}

function StatsBody({ stats, allTime }: { stats: YearStats; allTime: boolean }) {
  const streak = stats.longest_streak;
  return (
    <div class="stats">
      <dl class="stats-summary">
        <div>
          <dt>Listened</dt>
          <dd>{minutesText(stats.minutes)}</dd>
          <dd class="sub">{plays(stats.plays)}{allTime ? ` since ${day(stats.from)}` : ''}</dd>
        </div>
        <div>
          <dt>Longest streak</dt>
          <dd>{streak.days === 1 ? '1 day' : `${streak.days} days`}</dd>
          {streak.days > 1 && streak.from && streak.to ? <dd class="sub">{`${streak.from} to ${streak.to}`}</dd> : null}
        </div>
        {stats.first_song ? (
          <div>
            <dt>First song</dt>
            <dd>{stats.first_song.title}</dd>
            <dd class="sub">{`${stats.first_song.artist} · ${day(stats.first_song.started_at)}`}</dd>
          </div>
        ) : null}
        <div>
          <dt>New artists</dt>
          <dd>{stats.new_artists.length.toLocaleString()}</dd>
          {stats.new_artists.length > 0 ? <dd class="sub">{stats.new_artists.slice(0, 5).join(', ') + (stats.new_artists.length > 5 ? ', …' : '')}</dd> : null}
        </div>
      </dl>
      <div class="stats-tops">
        <TopList title="Top songs" tallies={stats.top_songs} withArtist />
        <TopList title="Top artists" tallies={stats.top_artists} withArtist={false} />
        <TopList title="Top albums" tallies={stats.top_albums} withArtist />
        <TopList title="Top genres" tallies={stats.top_genres} withArtist={false} />
      </div>
      <section class="stats-card" aria-labelledby="stats-months">
        <h2 id="stats-months">Minutes per month</h2>
        <MonthBars months={stats.months} />
      </section>
      <section class="stats-card" aria-labelledby="stats-clock">
        <h2 id="stats-clock">Listening clock</h2>
        <ListeningClock clock={stats.clock} />
      </section>
    </div>
  );
}
