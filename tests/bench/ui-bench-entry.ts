// What the ui bench worker needs from src, bundled by the ui section with the shipped build's esbuild
// options (scripts/bundle-options.mjs): services load with this entry as `tunes` loads them with
// main.js, and the UI is a lazy chunk imported when timed, as src/cli/commands/ui.ts does.
export { openStore } from '../../src/db/open.js';
export { buildServices } from '../../src/services/container.js';
export { openLocalConfig } from '../../src/config/local-config.js';
export { createAuthService } from '../../src/services/auth/auth-service.js';
export { createLocalSession } from '../../src/services/auth/local-session.js';
export { systemClock } from '../../src/services/clock.js';
export { PlayerLink } from '../../src/remote/player-link.js';
export { STOPPED_STATE } from '../../src/remote/stopped-state.js';

export const loadUi = () => import('./ui-bench-screen.js');
