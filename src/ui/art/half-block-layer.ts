import { paintHalfBlocks, type HalfBlockCell } from '../../text/cover-art/half-blocks.js';

// Placeholder cells: code points of Supplementary Private Use Area-B (plane 16), which no font and
// almost no text uses (Nerd Fonts' icons are in the BMP's area and plane 15). One stands for one
// cell of one cover: 0x100000 + slot * 512 + row * 32 + column.
const PLANE_16 = 0x10_0000;
const MAX_COLUMNS = 32;
const MAX_ROWS = 16;
const CELLS_PER_SLOT = MAX_COLUMNS * MAX_ROWS;
const SLOTS = Math.floor((0x10_fffd - PLANE_16) / CELLS_PER_SLOT);
// A run of plane-16 characters as UTF-16 (high surrogates DBC0-DBFF).
const PLACEHOLDER_RUN = /(?:[\uDBC0-\uDBFF][\uDC00-\uDFFF])+/g;

/**
 * Half-block covers drawn without costing Ink anything per frame. Ink lays out and re-parses every
 * colour code of every frame, so a cover in its frame made each key's frame slower. Instead a cover
 * is in Ink's frame as plain placeholder characters, one a cell (as cheap as any text), and Ink's
 * writes go through `stdout` here, which puts each run of placeholders back as the cells' colours and
 * ▀ in the same write. So the cover is exactly where and while Ink's frame has it: an overlay, a
 * resize or quitting removes it as it removes any text.
 */
export class HalfBlockLayer {
  readonly stdout: NodeJS.WriteStream;
  private readonly slots = new Map<number, { cells: HalfBlockCell[][]; uses: number }>();
  private readonly slotOf = new WeakMap<HalfBlockCell[][], number>();

  constructor(real: NodeJS.WriteStream) {
    const writeThrough = (chunk: unknown, ...rest: unknown[]) =>
      (real.write as (...a: unknown[]) => boolean)(typeof chunk === 'string' && this.slots.size > 0 ? this.paint(chunk) : chunk, ...rest);
    this.stdout = new Proxy(real, {
      get(target, property) {
        if (property === 'write') return writeThrough;
        const value: unknown = Reflect.get(target, property, target);
        return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
      },
    });
  }

  /** Whether a cover of this size can be drawn here (else it goes in Ink's frame as it is). */
  static fits(cells: HalfBlockCell[][]): boolean {
    return cells.length <= MAX_ROWS && (cells[0]?.length ?? 0) <= MAX_COLUMNS;
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
    const base = PLANE_16 + slot * CELLS_PER_SLOT;
    const lines = cells.map((row, r) => String.fromCodePoint(...row.map((_, c) => base + r * MAX_COLUMNS + c)));
    return { slot, lines };
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

  /** Ink's text with every run of placeholders replaced by the cells they stand for. */
  paint(text: string): string {
    return text.replace(PLACEHOLDER_RUN, (run) => {
      let out = '';
      let cells: HalfBlockCell[] = [];
      for (const character of run) {
        const offset = character.codePointAt(0)! - PLANE_16;
        const cell = this.slots.get(Math.floor(offset / CELLS_PER_SLOT))?.cells[Math.floor((offset % CELLS_PER_SLOT) / MAX_COLUMNS)]?.[offset % MAX_COLUMNS];
        if (cell) {
          cells.push(cell);
          continue;
        }
        // A placeholder of no cover (text that happened to hold one): a blank, never a stray glyph.
        if (cells.length > 0) out += paintHalfBlocks(cells);
        cells = [];
        out += ' ';
      }
      return cells.length > 0 ? out + paintHalfBlocks(cells) : out;
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
