import { paintHalfBlocks, type HalfBlockCell } from '../../text/cover-art/half-blocks.js';
import { withOverride } from '../terminal/stream-override.js';

// Placeholders: code points of Supplementary Private Use Area-B (plane 16), which no font and almost
// no text uses (Nerd Fonts' icons are in the BMP's area and plane 15). One marks the first cell of
// one row of one cover: 0x100000 + slot * 16 + row; the row's other cells are blank in Ink's frame.
const PLANE_16 = 0x10_0000;
const MAX_ROWS = 16;
const SLOTS = Math.floor((0x10_fffd - PLANE_16) / MAX_ROWS);
// A plane-16 character as UTF-16 (high surrogates DBC0-DBFF), and the blanks after it.
const PLACEHOLDER = /([\uDBC0-\uDBFF][\uDC00-\uDFFF])( *)/g;

/**
 * Half-block covers drawn without costing Ink anything per frame. Ink lays out and re-parses every
 * character and colour code of every frame, so a cover in its frame made each key's frame slower.
 * Instead a cover is in Ink's frame as one placeholder character a row, the rest of the row blank,
 * and Ink's writes go through `stdout` here, which puts each placeholder and the blanks after it
 * back as the row's colours and ▀ in the same write. So the cover is exactly where and while Ink's
 * frame has it: an overlay, a resize or quitting removes it as it removes any text.
 */
export class HalfBlockLayer {
  readonly stdout: NodeJS.WriteStream;
  private readonly slots = new Map<number, { cells: HalfBlockCell[][]; uses: number; rows?: string[] }>();
  private readonly slotOf = new WeakMap<HalfBlockCell[][], number>();

  constructor(real: NodeJS.WriteStream) {
    const writeThrough = (chunk: unknown, ...rest: unknown[]) =>
      (real.write as (...a: unknown[]) => boolean)(typeof chunk === 'string' && this.slots.size > 0 ? this.paint(chunk) : chunk, ...rest);
    this.stdout = withOverride(real, 'write', writeThrough as NodeJS.WriteStream['write']);
  }

  /** Whether a cover of this size can be drawn here (else it goes in Ink's frame as it is). */
  static fits(cells: HalfBlockCell[][]): boolean {
    return cells.length <= MAX_ROWS;
  }

  /**
   * The lines Ink is to show for `cells`: placeholders of a slot of its own (the same slot for the
   * same cells while shown). `use` the slot from the component's effect and `release` it after.
   */
  placeholders(cells: HalfBlockCell[][]): { slot: number; lines: string[] } {
    let slot = this.slotOf.get(cells);
    if (slot === undefined || this.slots.get(slot)?.cells !== cells) {
      slot = this.freeSlot();
      this.slotOf.set(cells, slot);
      this.slots.set(slot, { cells, uses: 0 });
    }
    const base = PLANE_16 + slot * MAX_ROWS;
    return { slot, lines: cells.map((_, row) => String.fromCodePoint(base + row)) };
  }

  use(slot: number, cells: HalfBlockCell[][]): void {
    const entry = this.slots.get(slot);
    if (entry && entry.cells === cells) entry.uses += 1;
    else this.slots.set(slot, { cells, uses: 1 });
  }

  release(slot: number): void {
    const entry = this.slots.get(slot);
    if (!entry) return;
    entry.uses -= 1;
    if (entry.uses <= 0) this.slots.delete(slot);
  }

  /**
   * Ink's text with each placeholder and the blanks after it painted as its row of the cover: the
   * whole row where the line ends there (Ink drops trailing blanks), else as many cells as were
   * blank (text an overlay put over the rest stays).
   */
  paint(text: string): string {
    return text.replace(PLACEHOLDER, (match: string, marker: string, blanks: string, at: number) => {
      const offset = marker.codePointAt(0)! - PLANE_16;
      const entry = this.slots.get(Math.floor(offset / MAX_ROWS));
      const row = entry?.cells[offset % MAX_ROWS];
      // A placeholder of no cover (text that happened to hold one): a blank, never a stray glyph.
      if (!entry || !row) return ` ${blanks}`;
      const next = text[at + match.length];
      const lineEnds = next === undefined || next === '\n' || next === '\r';
      const cells = lineEnds ? row.length : Math.min(row.length, blanks.length + 1);
      if (cells < row.length) return paintHalfBlocks(row.slice(0, cells));
      // Whole rows, the usual case, are painted once.
      entry.rows ??= entry.cells.map(paintHalfBlocks);
      return entry.rows[offset % MAX_ROWS]! + blanks.slice(cells - 1);
    });
  }

  private freeSlot(): number {
    for (let slot = 0; slot < SLOTS; slot += 1) if (!this.slots.has(slot)) return slot;
    // Every slot held (not in any real use: a screen shows a few covers): take the least used.
    let least = 0;
    for (const [slot, { uses }] of this.slots) if (uses < (this.slots.get(least)?.uses ?? Infinity)) least = slot;
    return least;
  }
}
