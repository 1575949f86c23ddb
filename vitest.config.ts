// Test runner settings: tests live in test/, mirror src/, and never need the network.
// Two projects: `unit` (fast, runs src through vitest) and `e2e` (the real CLI as a child process,
// run against a build of src made fresh before the project starts, so a stale dist/ never passes).
import { defineConfig } from 'vitest/config';

const shared = { testTimeout: 30_000, hookTimeout: 60_000 };

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'unit', include: ['test/**/*.test.ts'], exclude: ['test/e2e/**', 'test/report/html/**'] } },
      { test: { ...shared, name: 'e2e', include: ['test/e2e/**/*.test.ts', 'test/report/html/**/*.test.ts'], globalSetup: ['test/e2e/build.ts'] } },
    ],
  },
});
