// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { ListeningClock, MonthBars } from '../src/components/stats-charts.js';
import { minutesText, monthName, yearFromQuery } from '../src/stats.js';

let root: HTMLDivElement;
afterEach(() => {
  render(null, root);
  root.remove();
});

function mount(node: preact.ComponentChild): HTMLDivElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root));
  return root;
}

const month = (key: string, minutes: number) => ({ month: key, plays: minutes, minutes, ms_played: minutes * 60_000 });

describe('the Stats page charts', () => {
  it('draws minutes per month as bars scaled to the busiest month, each with its figure; years named when the chart spans them', () => {
    const one = mount(<MonthBars months={[month('2025-01', 10), month('2025-02', 5), month('2025-03', 0)]} />);
    const rows = [...one.querySelectorAll('li')];
    expect(rows.map((li) => li.querySelector('.month-name')!.textContent)).toEqual(['Jan', 'Feb', 'Mar']);
    expect(rows.map((li) => li.querySelector('.month-minutes')!.textContent)).toEqual(['10 min', '5 min', '0 min']);
    expect(rows.map((li) => (li.querySelector('.bar') as HTMLElement).style.width)).toEqual(['100%', '50%', '0%']);
    render(null, root);
    root.remove();
    const spanning = mount(<MonthBars months={[month('2024-12', 1), month('2025-01', 2)]} />);
    expect([...spanning.querySelectorAll('.month-name')].map((e) => e.textContent)).toEqual(['Dec 2024', 'Jan 2025']);
  });

  it('draws the listening clock as 7 rows of 24 cells, each saying its weekday, hour and plays', () => {
    const clock = Array.from({ length: 7 }, () => new Array<number>(24).fill(0));
    clock[1]![12] = 4;
    clock[6]![23] = 1;
    const table = mount(<ListeningClock clock={clock} />).querySelector('table')!;
    expect(table.querySelectorAll('tbody tr')).toHaveLength(7);
    expect(table.querySelectorAll('tbody td')).toHaveLength(168);
    expect(table.querySelector('td[aria-label="Tue 12:00, 4 plays"]')?.getAttribute('data-plays')).toBe('4');
    expect(table.querySelector('td[aria-label="Sun 23:00, 1 play"]')?.className).toBe('lit');
    expect(table.querySelector('td[aria-label="Mon 00:00, 0 plays"]')?.className).toBe('');
  });

  it('reads the year from the address, and names months and minutes for people', () => {
    expect(yearFromQuery(null, 2026)).toBe(2026);
    expect(yearFromQuery('2019', 2026)).toBe(2019);
    expect(yearFromQuery('all', 2026)).toBe('all');
    expect(yearFromQuery('soon', 2026)).toBe(2026);
    expect(monthName('2026-03', false)).toBe('Mar');
    expect(minutesText(45)).toBe('45 min');
    expect(minutesText(200)).toBe('3 h 20 min');
  });
});
