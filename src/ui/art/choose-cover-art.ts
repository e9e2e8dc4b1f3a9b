import type { CoverService } from '../../services/covers/cover-service.js';
import { artNeedsTerminalQuery, chooseArtProtocol, type CoverArtSetting } from '../../text/cover-art/image-protocols.js';
import { coverArtSource, DEFAULT_CELL } from '../data/cover-art-source.js';
import { queryTerminal } from '../terminal/terminal-query.js';
import { MONO_THEME, type Theme } from '../theme.js';
import type { CoverArt } from './cover-art-context.js';
import { ImageLayer } from './image-layer.js';

/**
 * The browser's covers for this terminal: none under the mono theme (NO_COLOR) or `cover-art off`;
 * otherwise as the setting says, `auto` asking the terminal when its environment does not tell.
 * Terminals that draw images themselves get a layer to draw them on.
 */
export async function coverArtFor({ setting, theme, env, stdin, stdout, covers }: {
  setting: CoverArtSetting;
  theme: Theme;
  env: NodeJS.ProcessEnv;
  stdin: NodeJS.ReadStream;
  stdout: NodeJS.WriteStream;
  covers: Pick<CoverService, 'albumCover' | 'songCover'>;
}): Promise<CoverArt | undefined> {
  if (theme === MONO_THEME && setting === 'auto') return undefined;
  const answers = artNeedsTerminalQuery(setting, env) ? await queryTerminal(stdin, stdout) : undefined;
  const protocol = chooseArtProtocol(setting, env, answers);
  if (protocol === 'off') return undefined;
  const source = coverArtSource(covers, protocol, answers?.cell ?? DEFAULT_CELL);
  if (protocol === 'halfblocks' || protocol === 'halfblocks-256') return { source };
  return { source, layer: new ImageLayer(stdout) };
}
