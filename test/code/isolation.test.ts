// detectIsolation on this machine, and reachableByOthers on folders whose modes the test sets.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { detectIsolation, reachableByOthers } from '../../src/code/isolation.js';

describe('detectIsolation', () => {
  test('probes once and says plainly what is not isolated', async () => {
    const first = detectIsolation();
    expect(detectIsolation()).toBe(first);
    const { level, detail } = await first;
    if (level === 'process') expect(detail).toMatch(/network and the file system are NOT isolated/);
    else expect(detail).toMatch(/^bubblewrap: no network, own pid namespace/);
  });
});

describe('reachableByOthers', () => {
  const root = mkdtempSync(join(tmpdir(), 'thinkbench-reach-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const binary = (dirMode: number, fileMode: number) => {
    const dir = join(root, `d${dirMode.toString(8)}-${fileMode.toString(8)}`);
    mkdirSync(dir);
    writeFileSync(join(dir, 'python3'), '');
    chmodSync(join(dir, 'python3'), fileMode);
    chmodSync(dir, dirMode);
    return join(dir, 'python3');
  };
  chmodSync(root, 0o755);
  test.each([
    [0o755, 0o755, true],
    [0o700, 0o755, false], // a pyenv under /root
    [0o755, 0o750, false],
    [0o711, 0o711, true],
  ])('folder %o, binary %o: %s', (dirMode, fileMode, reachable) => {
    expect(reachableByOthers(binary(dirMode, fileMode))).toBe(reachable);
  });
  test('a missing path is not reachable', () => expect(reachableByOthers(join(root, 'missing'))).toBe(false));
});
