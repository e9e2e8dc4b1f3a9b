import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { TunesError } from '../../errors.js';

export type IdKind = 'song' | 'album' | 'artist' | 'playlist';

/** Decimal ids below this are kept as they are; others are numbered from here up (at most 15 digits, what the CLI takes). */
const HASHED_BASE = 1e12;
const HASHED_SPAN = 1e15 - 1 - HASHED_BASE;

/**
 * Subsonic ids are opaque strings (a tunes server's "42", supysonic's UUIDs); tunes' services and
 * screens number things. A decimal id (up to 12 digits) stays its number; any other becomes 10^12 plus
 * its SHA-256 folded into 15 digits (the same number in every process, so the CLI, the UI and the player agree without
 * talking), and is remembered in a file so a number typed later (`tunes play 4503...`) finds its id.
 */
export class RemoteIds {
  private known: Record<string, string> | undefined;
  private added = false;

  constructor(private readonly file: string) {}

  numberOf(kind: IdKind, id: string): number {
    if (/^[1-9]\d{0,11}$/.test(id)) return Number(id);
    const hash = createHash('sha256').update(`${kind}:${id}`).digest();
    const value = HASHED_BASE + (hash.readUIntBE(0, 6) % HASHED_SPAN);
    const key = `${kind}:${value}`;
    const known = this.table();
    if (known[key] !== id) {
      known[key] = id;
      this.added = true;
    }
    return value;
  }

  idOf(kind: IdKind, value: number): string {
    if (value < HASHED_BASE) return String(value);
    const id = this.table()[`${kind}:${value}`];
    if (id === undefined) throw new TunesError('not_found', `no ${kind} with id ${value} on this server (list them again first)`);
    return id;
  }

  /** Writes what was learnt (merged with what other processes wrote meanwhile). */
  save(): void {
    if (!this.added) return;
    const merged = { ...readTable(this.file), ...this.known };
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const temp = `${this.file}.${process.pid}.tmp`;
    writeFileSync(temp, JSON.stringify(merged), { mode: 0o600 });
    renameSync(temp, this.file);
    this.added = false;
  }

  private table(): Record<string, string> {
    return (this.known ??= readTable(this.file));
  }
}

function readTable(file: string): Record<string, string> {
  try {
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as unknown;
    return typeof parsed === 'object' && parsed !== null ? (parsed as Record<string, string>) : {};
  } catch {
    return {};
  }
}
