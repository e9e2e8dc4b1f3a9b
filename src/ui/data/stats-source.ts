import { TunesError } from '../../errors.js';
import { plainCharts } from '../../text/stats-charts.js';
import type { UiStats } from '../ports.js';
import { statsLines } from '../views/stats-lines.js';
import { arraySource } from './array-source.js';
import type { RowSource } from './row-source.js';

let loads = 0;

/** The Stats view's lines for a year (this one when absent) or all time, read each time it is shown; a remote library says plainly it has none. */
export function statsSource(stats: UiStats, year?: number | 'all'): RowSource<{ kind: 'line'; text: string }> {
  return arraySource(`stats#${(loads += 1)}`, async () => {
    try {
      return statsLines(await stats.year(year), plainCharts(), { allTime: year === 'all' }).map((text) => ({ kind: 'line' as const, text }));
    } catch (error) {
      if (error instanceof TunesError && error.code === 'dependency_missing') {
        return [{ kind: 'line' as const, text: 'Stats are not available on a remote library: listening history stays on its server.' }];
      }
      throw error;
    }
  });
}
