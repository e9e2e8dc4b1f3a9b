import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.{ts,tsx}', 'web/tests/**/*.test.{ts,tsx}'],
    exclude: ['tests/bench/**', 'node_modules/**', 'dist/**'],
    // scrypt at full cost and real mpv make some tests legitimately slow on a shared 2-core box.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: 'forks',
  },
});
