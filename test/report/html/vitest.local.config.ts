// Runs only the report's tests from src, without the e2e project's build of dist/:
// npx vitest run --config test/report/html/vitest.local.config.ts
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../../..', import.meta.url)),
    include: ['test/report/html/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
