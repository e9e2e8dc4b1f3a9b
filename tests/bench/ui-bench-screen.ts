// The UI half of the bench entry (see ui-bench-entry.ts): its own chunk, as src/ui/run.tsx is in dist/bundle.
export { appTree } from '../../src/ui/app-tree.js';
export { connectServices } from '../../src/ui/connect-services.js';
export { MONO_THEME } from '../../src/ui/theme.js';
export { UI_MAX_FPS } from '../../src/ui/run.js';
// Ink's render from the same bundle as the screens (the shipped build bundles Ink into the UI chunk).
export { render } from 'ink';
export { coverArtOn } from '../../src/ui/art/choose-cover-art.js';
