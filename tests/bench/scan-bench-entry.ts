// What the library-albums bench needs from src, bundled by that section with the shipped build's
// esbuild options (scripts/bundle-options.mjs), so the scanner and its tag threads run as `tunes` runs them.
export { openStore } from '../../src/db/open.js';
export { createAuthService } from '../../src/services/auth/auth-service.js';
export { systemClock } from '../../src/services/clock.js';
export { createLibraryService } from '../../src/services/library/library-service.js';
export { createBrowseService } from '../../src/services/browse/browse-service.js';
export { createCatalogService } from '../../src/services/catalog/catalog-service.js';
