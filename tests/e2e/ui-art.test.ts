import { spawn } from 'node:child_process';
import { cpSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ALBUM_FIXTURES } from '../helpers/album-library.js';
import { registerUser, runTunes, stopPlayer, TUNES_BIN } from '../helpers/run-cli.js';
import { tempDir } from '../helpers/temp-dir.js';
import { TmuxTerminal } from '../helpers/tmux.js';

const terminals: TmuxTerminal[] = [];
const homes: string[] = [];
afterEach(async () => {
  for (const terminal of terminals.splice(0)) terminal.kill();
  for (const home of homes.splice(0)) await stopPlayer(home);
});

const COVER_LINE = '▀'.repeat(12);
/** Lines of the screen that hold a 12-cell row of half blocks starting at `column`. */
const coverLines = (screen: string, column: number) => screen.split('\n').filter((line) => [...line].slice(column, column + 12).join('') === COVER_LINE);

async function openBrowser(env: Record<string, string> = {}) {
  const home = tempDir();
  homes.push(home);
  cpSync(ALBUM_FIXTURES, join(home, 'Music'), { recursive: true });
  await registerUser(home, 'alice');
  expect((await runTunes(['library', 'add', join(home, 'Music')], { home })).code).toBe(0);
  const term = TmuxTerminal.start('tunes-art', {
    columns: 100, rows: 30, cwd: home,
    env: { TUNES_HOME: home, TUNES_AUDIO_OUTPUT: 'null', TERM: 'xterm-256color', CI: 'true', PATH: process.env['PATH'] ?? '', ...env },
  });
  terminals.push(term);
  await term.waitFor((s) => s.includes('$'), 'shell prompt');
  await term.type(`${process.execPath} ${TUNES_BIN}`, { key: 'Enter' });
  await term.waitFor((s) => s.includes('Hunter'), 'the song list');
  return { home, term };
}

describe('covers in the full-screen browser (plain tmux: half blocks)', { timeout: 180_000 }, () => {
  it("shows the playing song's cover in colour in the now-playing area, and leaves none behind on quit", async () => {
    const { home, term } = await openBrowser();
    expect((await runTunes(['play', 'hunter', '-b'], { home })).code).toBe(0);
    // 6 lines of 12 half blocks at the left of the now-playing area (lines 22-27: the frame is 29 lines, the key hint last), beside the album's name.
    const screen = await term.waitFor((s) => coverLines(s, 0).length === 6 && s.includes('Hunter — Björk'), 'the cover beside the song');
    const lines = screen.split('\n');
    expect(lines.slice(22, 28).every((line) => line.startsWith(COVER_LINE))).toBe(true);
    expect(lines[25]).toContain(`${COVER_LINE} Homogenic`);
    // Colours, as 256-colour SGR (TERM=xterm-256color, no COLORTERM): foreground and background per cell.
    const withEscapes = term.screenWithEscapes();
    const coloured = withEscapes.split('\n').slice(22, 28);
    // (tmux writes a colour again only where it changes: the fixture's cover is one flat colour.)
    expect(coloured.every((line) => line.includes('▀'))).toBe(true);
    expect(coloured.join('\n')).toMatch(/\x1b\[[0-9;]*38;5;\d+/);
    expect(coloured.join('\n')).toMatch(/\x1b\[[0-9;]*48;5;\d+/);

    // Too few lines for a cover: the two-line bar, no half block anywhere; taller again: the cover is back.
    term.resize(100, 18);
    const short = await term.waitFor((s) => s.trimEnd().split('\n').length <= 18 && s.includes('Hunter — Björk') && !s.includes('▀'), 'no cover at 100x18');
    expect(short.trimEnd().split('\n').at(-3)).toContain('Hunter — Björk');
    term.resize(100, 30);
    await term.waitFor((s) => coverLines(s, 0).length === 6, 'the cover again at 100x30');
    // Narrower: the cover once, where the layout puts it, and no cell of it left anywhere else.
    term.resize(80, 30);
    const narrow = await term.waitFor((s) => coverLines(s, 0).length === 6 && s.split('\n').every((line) => [...line].length <= 80), 'the cover at 80x30');
    expect(narrow.match(/▀/g)).toHaveLength(72);

    await term.type('q');
    const after = await term.waitFor((s) => !term.alternateScreen() && s.includes('$'), 'the shell again');
    expect(after).not.toContain('▀');
    expect(term.screenWithEscapes()).not.toMatch(/48;5;\d+m/);
  });

  it("an album's page opens with its cover and facts; an overlay takes it away and Esc brings it back", async () => {
    const { term } = await openBrowser();
    // Sidebar: Albums; then the list: Björk's Homogenic (the 4th album by name).
    // A key at a time: on a loaded box a late answer to the start-up terminal query may still be arriving.
    await term.type({ key: 'Tab' }, 'j');
    await term.waitFor((s) => s.includes('tunes › Artists'), 'the artists');
    await term.type('j');
    await term.waitFor((s) => s.includes('tunes › Albums') && s.includes('Takk'), 'the albums');
    await term.type({ key: 'Tab' }, 'j', 'j', 'j');
    await term.waitFor((s) => s.includes('Albums (4/8)'), 'the cursor on Homogenic');
    await term.type({ key: 'Enter' });
    const page = await term.waitFor((s) => s.includes('tunes › Albums › Björk › Homogenic') && coverLines(s, 21).length === 6, 'the album page with its cover');
    expect(page).toMatch(/▀{12} Björk\n/);
    expect(page).toContain('1997 · 2 songs');
    expect(page).toMatch(/Hunter\s+Björk\s+Homogenic/);
    await term.type('?');
    const help = await term.waitFor((s) => /help/i.test(s) && coverLines(s, 21).length === 0, 'the help overlay, no cover');
    expect(help).not.toContain('1997 · 2 songs');
    // Not a cell of the cover left under or beside the overlay.
    expect(help).not.toContain('▀');
    await term.type({ key: 'Escape' });
    await term.waitFor((s) => coverLines(s, 21).length === 6 && s.includes('1997 · 2 songs'), 'the album page again');
  });

  it('draws no art under NO_COLOR, nor with cover-art off', async () => {
    const { home, term } = await openBrowser({ NO_COLOR: '1' });
    expect((await runTunes(['play', 'hunter', '-b'], { home })).code).toBe(0);
    const screen = await term.waitFor((s) => s.includes('Hunter — Björk') && /playing|stopped/.test(s), 'the song in the bar');
    expect(screen).not.toContain('▀');
    // Two-line now-playing bar, as without art: the song is on the third line from the bottom.
    expect(screen.trimEnd().split('\n').at(-3)).toContain('Hunter — Björk');
    await term.type('q');
    await term.waitFor((s) => !term.alternateScreen() && s.includes('$'), 'the shell again');

    expect((await runTunes(['config', 'set', 'cover-art', 'off'], { home })).code).toBe(0);
    await term.type(`NO_COLOR= ${process.execPath} ${TUNES_BIN}`, { key: 'Enter' });
    const off = await term.waitFor((s) => term.alternateScreen() && s.includes('Hunter — Björk'), 'the browser, art off');
    expect(off).not.toContain('▀');
  });
});

describe('covers in kitty (its graphics protocol, on a real pseudo-terminal)', { timeout: 180_000 }, () => {
  it('uploads the cover once, places it at the now-playing cells after frames, and deletes it on quit', async () => {
    const home = tempDir();
    homes.push(home);
    cpSync(ALBUM_FIXTURES, join(home, 'Music'), { recursive: true });
    await registerUser(home, 'alice');
    expect((await runTunes(['library', 'add', join(home, 'Music')], { home })).code).toBe(0);
    expect((await runTunes(['play', 'hunter', '-b'], { home })).code).toBe(0);
    const command = `stty cols 100 rows 30; exec '${process.execPath}' '${TUNES_BIN}'`;
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { ...process.env, TUNES_HOME: home, TUNES_AUDIO_OUTPUT: 'null', TERM: 'xterm-kitty', NO_COLOR: '', CI: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // The frame is 29 lines; the now-playing area its lines 22-27: the cover's top left is row 23, column 1.
    const placement = /\x1b7\x1b\[23;1H\x1b_Ga=p,i=(\d+),p=1,c=12,r=6,C=1,q=2\x1b\\\x1b8/;
    for (let i = 0; i < 600 && !(placement.test(output) && output.includes('Hunter')); i += 1) await sleep(100);
    expect(output, `no kitty placement; last output: ${JSON.stringify(output.slice(-400))}`).toMatch(placement);
    const id = placement.exec(output)![1]!;
    const uploads = output.match(new RegExp(`\x1b_Ga=t,f=100,i=${id},q=2,m=[01];`, 'g')) ?? [];
    expect(uploads).toHaveLength(1);
    expect(output.indexOf(uploads[0]!)).toBeLessThan(output.search(placement));
    child.stdin.write('q');
    expect(await closed).toBe(0);
    const forget = `\x1b_Ga=d,d=I,i=${id},q=2\x1b\\`;
    expect(output).toContain(forget);
    // Freed before the alternate screen is left, and nothing placed after.
    const leave = output.lastIndexOf('\x1b[?1049l');
    expect(output.lastIndexOf(forget)).toBeLessThan(leave);
    expect(output.lastIndexOf(`a=p,i=${id}`)).toBeLessThan(output.lastIndexOf(forget));
  });
});

describe('answers to the terminal query that come late (a real pseudo-terminal)', { timeout: 180_000 }, () => {
  it('never reach the browser as keys: typed keys after them work as typed', async () => {
    const home = tempDir();
    homes.push(home);
    cpSync(ALBUM_FIXTURES, join(home, 'Music'), { recursive: true });
    await registerUser(home, 'alice');
    expect((await runTunes(['library', 'add', join(home, 'Music')], { home })).code).toBe(0);
    const command = `stty cols 100 rows 30; exec '${process.execPath}' '${TUNES_BIN}'`;
    // TERM alone says only "half blocks", so tunes asks the terminal; this one answers nothing in time.
    const child = spawn('script', ['-qfec', command, '/dev/null'], {
      env: { ...process.env, TUNES_HOME: home, TUNES_AUDIO_OUTPUT: 'null', TERM: 'xterm-256color', NO_COLOR: '', CI: '' },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (output += d));
    const closed = new Promise<number | null>((resolve) => child.on('close', resolve));
    // The text of the frames, without their colours and cursor moves.
    const text = (from = 0) => output.slice(from).replace(/\x1b\[[0-9;?]*[A-Za-z]/g, '');
    const seen = async (what: string, check: () => boolean) => {
      for (let i = 0; i < 600 && !check(); i += 1) await sleep(100);
      expect(check(), `never saw ${what}; last output: ${JSON.stringify(text().slice(-1500))}`).toBe(true);
    };
    await seen('the query', () => output.includes('\x1b[16t\x1b[14t\x1b[c'));
    // The browser is up only once the query's 0.8 s are over: now the answers come, late.
    await seen('the song list', () => output.includes('Songs (1/'));
    const mark = output.length;
    child.stdin.write('\x1b_Gi=31;OK\x1b\\\x1b[6;20;10t\x1b[4;600;1000t\x1b[?62;4;22c');
    await sleep(300);
    for (const key of ['/', 'h', 'u', 'n']) {
      child.stdin.write(key);
      await sleep(100);
    }
    await seen('the search as typed', () => text(mark).includes('/ hun'));
    const after = text(mark);
    // Unfiltered, kitty's answer is Alt-_ then "Gi=31;OK" typed: G jumps to the last song, i opens the info pane.
    expect(after).not.toMatch(/Gi=31|62;4|Songs \((?!1\/)\d+\//);
    child.stdin.write('\x1b');
    await sleep(300);
    child.stdin.write('q');
    expect(await closed).toBe(0);
  });
});
