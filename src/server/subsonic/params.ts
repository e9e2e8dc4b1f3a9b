import { ErrorCode, SubsonicFailure } from './envelope.js';

/**
 * A Subsonic request's parameters: the query string and, for OpenSubsonic's formPost, the
 * url-encoded body, merged (a name may repeat: songId=1&songId=2).
 */
export class SubsonicParams {
  private readonly values = new Map<string, string[]>();

  constructor(...sources: unknown[]) {
    for (const source of sources) {
      if (typeof source !== 'object' || source === null) continue;
      for (const [name, raw] of Object.entries(source as Record<string, unknown>)) {
        const list = this.values.get(name) ?? [];
        for (const item of [raw].flat()) if (typeof item === 'string') list.push(item);
        this.values.set(name, list);
      }
    }
  }

  get(name: string): string | undefined {
    return this.values.get(name)?.[0];
  }

  /** Every parameter name sent. */
  names(): string[] {
    return [...this.values.keys()];
  }

  all(name: string): string[] {
    return this.values.get(name) ?? [];
  }

  required(name: string): string {
    const value = this.get(name);
    if (value === undefined || value === '') throw new SubsonicFailure(ErrorCode.missingParameter, `Required parameter '${name}' is missing`);
    return value;
  }

  /** A whole number in min..max; `fallback` when absent. */
  int(name: string, fallback: number, min = 0, max = Number.MAX_SAFE_INTEGER): number {
    const value = this.get(name);
    if (value === undefined || value === '') return fallback;
    return parseWhole(name, value, min, max);
  }

  optionalInt(name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
    const value = this.get(name);
    return value === undefined || value === '' ? undefined : parseWhole(name, value, min, max);
  }

  bool(name: string, fallback: boolean): boolean {
    const value = this.get(name);
    if (value === undefined || value === '') return fallback;
    return value === 'true' || value === '1';
  }
}

function parseWhole(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(number) || number < min || number > max) {
    throw new SubsonicFailure(ErrorCode.generic, `parameter '${name}' must be a whole number from ${min} to ${max}`);
  }
  return number;
}
