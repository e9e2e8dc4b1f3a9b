import type { LeanContext } from './lean-context.js';

/**
 * One lean command as a table row: what `--help` shows (the full CLI registers these with
 * commander from this table) and what node:util's parseArgs parses in the lean client.
 */
export interface LeanOption {
  /** commander style: "--json", "-b, --background", "--format <template>". */
  flags: string;
  description: string;
  choices?: readonly string[];
}

export interface LeanInput {
  args: string[];
  options: Record<string, string | boolean | undefined>;
}

export interface LeanCommand {
  /** "status", or "queue add" for a subcommand. */
  name: string;
  /** commander style: "<position>", "[words...]". */
  args?: string;
  description: string;
  options?: readonly LeanOption[];
  /** Not listed in the help (the player process itself). */
  hidden?: boolean;
  run(context: LeanContext, input: LeanInput): Promise<void>;
}

export const JSON_OPTION: LeanOption = { flags: '--json', description: 'print one JSON document on stdout' };

export interface ParsedFlag {
  long: string;
  short?: string;
  takesValue: boolean;
}

export function parseFlags(flags: string): ParsedFlag {
  const match = /^(?:-(\w), )?--([\w-]+)(?: [<[][\w.-]+[>\]])?$/.exec(flags);
  if (!match) throw new Error(`bad option flags "${flags}"`);
  return { long: match[2]!, ...(match[1] ? { short: match[1] } : {}), takesValue: flags.includes('<') || flags.includes('[') };
}

/** "--repeat" -> "repeat", "--no-wait" -> "noWait": the key commander and this parser both use. */
export function optionKey(long: string): string {
  return long.replace(/-(\w)/g, (_, c: string) => c.toUpperCase());
}
