/**
 * What tunes asks a terminal to learn how it can draw images, sent together: the kitty graphics
 * protocol's query (a 1x1 RGB image with `a=q`: answered `ESC _ G i=31;OK ESC \` by a terminal that
 * has it, never drawn), the cell size in pixels (XTWINOPS 16: `ESC [ 6 ; height ; width t`), then
 * Primary Device Attributes (DA1), which every terminal answers: its answer marks the end, and its
 * attribute 4 says sixel graphics.
 */
export const TERMINAL_QUERY = '\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\\x1b[16t\x1b[c';

export interface TerminalAnswers {
  /** The DA1 answer has arrived: nothing more is coming. */
  complete: boolean;
  kitty: boolean;
  sixel: boolean;
  /** A cell's size in pixels, when the terminal said. */
  cell?: { width: number; height: number };
}

/** Reads the answers to TERMINAL_QUERY out of what came in (which may hold keys typed meanwhile). */
export function parseTerminalAnswers(input: string): TerminalAnswers {
  const kitty = /\x1b_Gi=31;OK\x1b\\/.test(input);
  const da1 = /\x1b\[\?([\d;]*)c/.exec(input);
  const cellMatch = /\x1b\[6;(\d+);(\d+)t/.exec(input);
  const answers: TerminalAnswers = {
    complete: da1 !== null,
    kitty,
    sixel: da1 !== null && da1[1]!.split(';').includes('4'),
  };
  if (cellMatch && Number(cellMatch[1]) > 0 && Number(cellMatch[2]) > 0) answers.cell = { height: Number(cellMatch[1]), width: Number(cellMatch[2]) };
  return answers;
}

/** What is left of the input once the answers are taken out: keys typed while tunes asked. */
export function withoutTerminalAnswers(input: string): string {
  return input.replace(/\x1b_G[^\x1b]*\x1b\\/g, '').replace(/\x1b\[\?[\d;]*c/g, '').replace(/\x1b\[6;\d+;\d+t/g, '');
}
