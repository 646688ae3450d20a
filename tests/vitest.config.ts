import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: new URL('..', import.meta.url).pathname,
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    testTimeout: 120_000,
    // Removes the temporary folders each test file made (tests/support/temp-dir.ts).
    setupFiles: ['tests/support/vitest-setup.ts'],
  },
});
