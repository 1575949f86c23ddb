// Global setup of the e2e project: compiles src to dist/ once, so the CLI under test is the current code.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export default function setup(): void {
  // Type errors are the typecheck step's to report (npm test runs it first); tsc still emits, and the e2e tests run what it emitted.
  const build = spawnSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { cwd: ROOT, encoding: 'utf8' });
  if (build.error) throw build.error;
  if (build.status !== 0) process.stderr.write(`e2e build: tsc reported type errors (see npm run typecheck); running the emitted code.\n`);
}
