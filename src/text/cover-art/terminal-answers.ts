/**
 * What tunes asks a terminal to learn how it can draw images, sent together: the kitty graphics
 * protocol's query (a 1x1 RGB image with `a=q`: answered `ESC _ G i=31;OK ESC \` by a terminal that
 * has it, never drawn), the cell size in pixels (XTWINOPS 16: `ESC [ 6 ; height ; width t`), the
 * text area in pixels (XTWINOPS 14: `ESC [ 4 ; height ; width t`, for terminals that answer only
 * that), then Primary Device Attributes (DA1), which every terminal answers: its answer marks the
 * end, and its attribute 4 says sixel graphics.
 */
export const TERMINAL_QUERY = '\x1b_Gi=31,s=1,v=1,a=q,t=d,f=24;AAAA\x1b\\\x1b[16t\x1b[14t\x1b[c';

export interface TerminalAnswers {
  /** The DA1 answer has arrived: nothing more is coming. */
  complete: boolean;
  kitty: boolean;
  sixel: boolean;
  /** A cell's size in pixels, when the terminal said. */
  cell?: { width: number; height: number };
}

/**
 * Reads the answers to TERMINAL_QUERY out of what came in (which may hold keys typed meanwhile).
 * `size`: the terminal's cells, to get a cell's size from the text area's when that is all it said.
 */
export function parseTerminalAnswers(input: string, size?: { columns: number; rows: number }): TerminalAnswers {
  const kitty = /\x1b_Gi=31;OK\x1b\\/.test(input);
  const da1 = /\x1b\[\?([\d;]*)c/.exec(input);
  const cellMatch = /\x1b\[6;(\d+);(\d+)t/.exec(input);
  const answers: TerminalAnswers = {
    complete: da1 !== null,
    kitty,
    sixel: da1 !== null && da1[1]!.split(';').includes('4'),
  };
  const areaMatch = /\x1b\[4;(\d+);(\d+)t/.exec(input);
  if (cellMatch && Number(cellMatch[1]) > 0 && Number(cellMatch[2]) > 0) answers.cell = { height: Number(cellMatch[1]), width: Number(cellMatch[2]) };
  else if (areaMatch && size && size.columns > 0 && size.rows > 0) {
    const cell = { height: Math.floor(Number(areaMatch[1]) / size.rows), width: Math.floor(Number(areaMatch[2]) / size.columns) };
    if (cell.height > 0 && cell.width > 0) answers.cell = cell;
  }
  return answers;
}

// Every shape of answer to TERMINAL_QUERY: kitty's APC reply, DA1, XTWINOPS 16 and 14.
const ANSWER = /\x1b_G[^\x1b]*\x1b\\|\x1b\[\?[\d;]*c|\x1b\[[46];\d+;\d+t/g;
// What may be the start of one, cut off at the end of what came in.
const ANSWER_START = /\x1b(?:_(?:G[^\x1b]*\x1b?)?|\[(?:\?[\d;]*|[46](?:;\d*){0,2})?)?$/;

/** What is left of the input once the answers are taken out: keys typed while tunes asked. */
export function withoutTerminalAnswers(input: string): string {
  return input.replace(ANSWER, '');
}

/** Where, at the end of `input`, an answer may have begun and be cut off (-1: nowhere). */
export function answerStartAtEnd(input: string): number {
  return ANSWER_START.exec(input)?.index ?? -1;
}
