/**
 * Lets the CLI start a tag-reading thread before it loads the rest of itself (`tunes library add`
 * then waits for the slower of the two, not both). Kept tiny: main.ts imports it ahead of everything else.
 */
export { warmUpTagReader, discardWarmTagReader } from './tag-reader-pool.js';
