/** Base64 payload chunks the kitty graphics protocol takes per escape (its documented maximum). */
const KITTY_CHUNK = 4096;

/**
 * A PNG drawn by the kitty graphics protocol (https://sw.kovidgoyal.net/kitty/graphics-protocol/):
 * `a=T` transmit and display, `f=100` PNG, `c`/`r` the cells it fills, `q=2` no replies (they would
 * land in the program's input); the base64 payload in chunks of 4096 with `m=1` on all but the last.
 */
export function kittyImage(png: Uint8Array, columns: number, rows: number): string {
  const payload = Buffer.from(png).toString('base64');
  const chunks: string[] = [];
  for (let i = 0; i < payload.length; i += KITTY_CHUNK) chunks.push(payload.slice(i, i + KITTY_CHUNK));
  if (chunks.length === 0) chunks.push('');
  return chunks
    .map((chunk, i) => {
      const more = i < chunks.length - 1 ? 1 : 0;
      const keys = i === 0 ? `a=T,f=100,q=2,c=${columns},r=${rows},m=${more}` : `m=${more}`;
      return `\x1b_G${keys};${chunk}\x1b\\`;
    })
    .join('');
}

/**
 * kitty: the PNG sent once under image id `id` (`a=t`: transmit, do not display), to be placed later
 * by `kittyPlacement` as often as a screen is redrawn, without sending the picture again.
 */
export function kittyUpload(png: Uint8Array, id: number): string {
  const payload = Buffer.from(png).toString('base64');
  const chunks: string[] = [];
  for (let i = 0; i < payload.length; i += KITTY_CHUNK) chunks.push(payload.slice(i, i + KITTY_CHUNK));
  if (chunks.length === 0) chunks.push('');
  return chunks
    .map((chunk, i) => `\x1b_G${i === 0 ? `a=t,f=100,i=${id},q=2,` : ''}m=${i < chunks.length - 1 ? 1 : 0};${chunk}\x1b\\`)
    .join('');
}

/**
 * kitty: image `id` shown at the cursor over `columns` x `rows` cells as placement 1 (a new one with
 * the same ids replaces it: redrawing never stacks copies), `C=1` leaving the cursor where it was.
 */
export function kittyPlacement(id: number, columns: number, rows: number): string {
  return `\x1b_Ga=p,i=${id},p=1,c=${columns},r=${rows},C=1,q=2\x1b\\`;
}

/** kitty: take image `id` off the screen (`d=i`: its placements; the data stays for the next one). */
export const kittyUnplace = (id: number): string => `\x1b_Ga=d,d=i,i=${id},q=2\x1b\\`;

/** kitty: image `id` off the screen and its data freed (`d=I`). */
export const kittyForget = (id: number): string => `\x1b_Ga=d,d=I,i=${id},q=2\x1b\\`;

/** kitty: delete every image this program placed (and free its data). */
export const KITTY_DELETE_ALL = '\x1b_Ga=d,d=A,q=2\x1b\\';

/**
 * An image drawn by iTerm2's inline images protocol (https://iterm2.com/documentation-images.html):
 * OSC 1337 File= with inline=1, its size in bytes and the cells it fills, then the base64 bytes, BEL.
 */
export function itermImage(bytes: Uint8Array, columns: number, rows: number): string {
  const payload = Buffer.from(bytes).toString('base64');
  return `\x1b]1337;File=inline=1;size=${bytes.length};width=${columns};height=${rows};preserveAspectRatio=1:${payload}\x07`;
}

export type ArtProtocol = 'kitty' | 'iterm' | 'sixel' | 'halfblocks' | 'halfblocks-256' | 'off';

/**
 * How this terminal can show a cover, from its environment: kitty (KITTY_WINDOW_ID, TERM
 * xterm-kitty, Ghostty, WezTerm), iTerm2's images (TERM_PROGRAM iTerm.app), else half blocks in
 * 24-bit colour (COLORTERM truecolor/24bit) or 256 colours; none under NO_COLOR or a dumb or
 * monochrome TERM. Inside tmux (TMUX set) the graphics protocols do not pass: half blocks.
 */
export function detectArtProtocol(env: NodeJS.ProcessEnv): ArtProtocol {
  const term = env['TERM'] ?? '';
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return 'off';
  if (term === 'dumb' || term === '' || /-m$|^vt(52|100|220)$|mono/.test(term)) return 'off';
  const truecolor = /^(truecolor|24bit)$/i.test(env['COLORTERM'] ?? '');
  if (env['TMUX'] === undefined && !term.startsWith('screen') && !term.startsWith('tmux')) {
    if (env['KITTY_WINDOW_ID'] || term === 'xterm-kitty' || term === 'xterm-ghostty' || env['TERM_PROGRAM'] === 'WezTerm') return 'kitty';
    if (env['TERM_PROGRAM'] === 'iTerm.app') return 'iterm';
  }
  return truecolor || /direct|truecolor/.test(term) ? 'halfblocks' : 'halfblocks-256';
}

/** The `cover-art` setting's values. */
export type CoverArtSetting = 'auto' | 'kitty' | 'iterm2' | 'sixel' | 'halfblocks' | 'off';

/**
 * How the browser draws covers: as the setting forces (half blocks in the colours the terminal
 * has), else from the environment, and where that only says "half blocks", from what the terminal
 * answered when asked (`answers`: kitty's graphics query, DA1's sixel attribute). NO_COLOR or a
 * monochrome terminal: none, unless a setting chose one (a user's configuration overrides NO_COLOR).
 */
export function chooseArtProtocol(setting: CoverArtSetting, env: NodeJS.ProcessEnv, answers?: { kitty: boolean; sixel: boolean }): ArtProtocol {
  const depth = /^(truecolor|24bit)$/i.test(env['COLORTERM'] ?? '') || /direct|truecolor/.test(env['TERM'] ?? '') ? 'halfblocks' : 'halfblocks-256';
  switch (setting) {
    case 'off':
      return 'off';
    case 'kitty':
      return 'kitty';
    case 'iterm2':
      return 'iterm';
    case 'sixel':
      return 'sixel';
    case 'halfblocks':
      return depth;
    case 'auto': {
      const fromEnv = detectArtProtocol(env);
      if (fromEnv !== 'halfblocks' && fromEnv !== 'halfblocks-256') return fromEnv;
      if (answers?.kitty) return 'kitty';
      if (answers?.sixel) return 'sixel';
      return fromEnv;
    }
  }
}

/** Whether asking the terminal could change the choice: `auto`, and the environment said only "half blocks". */
export function artNeedsTerminalQuery(setting: CoverArtSetting, env: NodeJS.ProcessEnv): boolean {
  if (setting !== 'auto') return false;
  const fromEnv = detectArtProtocol(env);
  return fromEnv === 'halfblocks' || fromEnv === 'halfblocks-256';
}
