/**
 * Lets the CLI start mpv before it loads the rest of itself (`tunes play` then waits for the slower
 * of the two, not both), without the edge reaching into src/player. Kept tiny: main.ts imports it
 * ahead of everything else.
 */
export { prespawnMpv as warmUpPlayer, discardPrespawned as discardWarmPlayer } from '../../player/prespawn.js';
