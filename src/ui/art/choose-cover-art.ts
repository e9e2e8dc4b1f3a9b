import type { CoverService } from '../../services/covers/cover-service.js';
import { artNeedsTerminalQuery, chooseArtProtocol, type ArtProtocol, type CoverArtSetting } from '../../text/cover-art/image-protocols.js';
import { coverArtSource, DEFAULT_CELL } from '../data/cover-art-source.js';
import { swallowLateAnswers } from '../terminal/late-answers.js';
import { queryTerminal } from '../terminal/terminal-query.js';
import { MONO_THEME, type Theme } from '../theme.js';
import type { CoverArt } from './cover-art-context.js';
import { HalfBlockLayer } from './half-block-layer.js';
import { ImageLayer } from './image-layer.js';

type Covers = Pick<CoverService, 'albumCover' | 'songCover'>;

/** How long after an unanswered terminal query its answers are still taken out of the input. */
const LATE_ANSWERS_MS = 5000;

export interface CoverArtChoice {
  art: CoverArt | undefined;
  /** What the UI reads keys from: stdin, without late answers to the terminal query. */
  stdin: NodeJS.ReadStream;
  /** What the UI writes frames to: stdout, through the covers' layer when there is one. */
  stdout: NodeJS.WriteStream;
}

/**
 * The browser's covers for this terminal: none under the mono theme (NO_COLOR) or `cover-art off`;
 * otherwise as the setting says, `auto` asking the terminal when its environment does not tell
 * (and sixel asking a cell's size in pixels, which its images are measured in).
 */
export async function coverArtFor({ setting, theme, env, stdin, stdout, covers }: {
  setting: CoverArtSetting;
  theme: Theme;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  covers: Covers;
}): Promise<CoverArtChoice> {
  if (theme === MONO_THEME && setting === 'auto') return { art: undefined, stdin, stdout };
  const ask = artNeedsTerminalQuery(setting, env) || chooseArtProtocol(setting, env) === 'sixel';
  const answers = ask ? await queryTerminal(stdin, stdout) : undefined;
  const input = answers && !answers.complete && stdin.isTTY ? swallowLateAnswers(stdin, LATE_ANSWERS_MS) : stdin;
  const protocol = chooseArtProtocol(setting, env, answers);
  if (protocol === 'off') return { art: undefined, stdin: input, stdout };
  const art = coverArtOn(protocol, covers, stdout, answers?.cell);
  return { art, stdin: input, stdout: art.halfBlocks?.stdout ?? art.layer?.stdout ?? stdout };
}

/**
 * Covers drawn with `protocol` on `stdout`: the source, and the layer that draws them there (half
 * blocks outside Ink's layout work, the terminal's own images outside its frame). Ink is to write
 * through the layer's `stdout`.
 */
export function coverArtOn(protocol: Exclude<ArtProtocol, 'off'>, covers: Covers, stdout: NodeJS.WriteStream, cell = DEFAULT_CELL): CoverArt {
  const source = coverArtSource(covers, protocol, cell);
  if (protocol === 'halfblocks' || protocol === 'halfblocks-256') return { source, halfBlocks: new HalfBlockLayer(stdout) };
  return { source, layer: new ImageLayer(stdout) };
}
