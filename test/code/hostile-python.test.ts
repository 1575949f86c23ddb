// Hostile Python programs, at every isolation level this machine has: each is contained and recorded, and the test process keeps running.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { OUTPUT_KEPT_BYTES, runAllTests, runTests, type CodeLimits, type Isolation } from '../../src/code/index.js';
import { hostFolder, leftoverProcesses, levels, listen, processLevelDropsUid, SECRET_NAME, SECRET_VALUE } from './hostile-helpers.js';

const LEVELS = await levels();
const DROPS_UID = await processLevelDropsUid('python');
const SHORT: Partial<CodeLimits> = { wallMs: 2000, memoryMb: 128 };
// Each program defines f(); the one test asks f() for 1.
const TESTS = 'def check(candidate):\n    assert candidate() == 1\n';
const run = (program: string, isolation: Isolation, limits = SHORT) =>
  runTests({ language: 'python', program, tests: TESTS, entryPoint: 'f', isolation, limits });

let net: Awaited<ReturnType<typeof listen>>;
const outside = hostFolder();
beforeAll(async () => {
  process.env[SECRET_NAME] = SECRET_VALUE;
  net = await listen();
});
afterAll(() => {
  delete process.env[SECRET_NAME];
  net.server.close();
  rmSync(outside, { recursive: true, force: true });
});

describe.each(LEVELS)('python at %s level', (level) => {
  test('an infinite loop times out at the wall limit', async () => {
    const result = await run('def f():\n    while True:\n        pass\n', level);
    expect(result.outcome).toBe('timeout');
    expect(result.durationMs).toBeGreaterThanOrEqual(2000);
    expect(result.durationMs).toBeLessThan(4000);
  });

  test('unbounded allocation hits the memory limit', async () => {
    const program = 'def f():\n    hoard = []\n    while True:\n        hoard.append(bytearray(10**7))\n';
    const result = await run(program, level, { wallMs: 15_000, memoryMb: 128 });
    expect(result.outcome).toBe('memory_limit');
  });

  test('printing without end stops at the output cap, and only the head is kept', async () => {
    const result = await run('import sys\ndef f():\n    while True:\n        sys.stdout.write("x" * 65536)\n', level);
    expect(result.outcome).toBe('output_limit');
    expect(result.output.length).toBeLessThan(OUTPUT_KEPT_BYTES + 100);
    expect(result.output).toMatch(/more bytes not kept\)$/);
  });

  test("the parent's secrets are not in os.environ", async () => {
    const program = `import os\ndef f():\n    print(sorted(os.environ))\n    return 1 if ${JSON.stringify(SECRET_NAME)} not in os.environ and not any("KEY" in k for k in os.environ) else 0\n`;
    const result = await run(program, level);
    expect(result.outcome).toBe('passed');
    expect(result.output).toContain("'PATH'");
    expect(result.output).not.toContain(SECRET_NAME);
  });

  test('writing into a host folder outside its own', async () => {
    const target = join(outside, `escape-${level}.txt`);
    const result = await run(`def f():\n    open(${JSON.stringify(target)}, "w").write("escaped")\n    return 1\n`, level);
    // bubblewrap: the host folder does not exist in the sandbox. process level: only an unprivileged uid is refused.
    const contained = level === 'bubblewrap' || DROPS_UID;
    expect(existsSync(target)).toBe(!contained);
    expect(result.outcome).toBe(contained ? 'failed' : 'passed');
    if (contained) expect(result.firstFailure).toMatch(/raised (FileNotFoundError|PermissionError)/);
  });

  test('its own folder, HOME and /tmp are writable', async () => {
    const program =
      'import os, tempfile\ndef f():\n    open("here.txt", "w").write("x")\n    open(os.path.expanduser("~/home.txt"), "w").write("x")\n    tempfile.NamedTemporaryFile().write(b"x")\n    return 1\n';
    expect((await run(program, level)).outcome).toBe('passed');
  });

  test('a socket to 127.0.0.1 on a port the test listens on', async () => {
    const before = net.accepted();
    const program = `import socket\ndef f():\n    socket.create_connection(("127.0.0.1", ${net.port}), timeout=1).close()\n    return 1\n`;
    const result = await run(program, level);
    if (level === 'bubblewrap') {
      expect(result.outcome).toBe('failed');
      expect(result.firstFailure).toContain('ConnectionRefusedError');
      expect(net.accepted()).toBe(before);
    } else {
      expect(result.outcome).toBe('passed'); // the network is not isolated at process level, as detectIsolation says
    }
  });

  test('there is no stdin: input() meets end of file at once', async () => {
    const result = await run('def f():\n    input()\n    return 1\n', level);
    expect(result.outcome).toBe('failed');
    expect(result.firstFailure).toContain('raised EOFError');
  });

  test('an abort stops a running program at once', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 500);
    const result = await runTests({
      language: 'python',
      program: 'def f():\n    while True:\n        pass\n',
      tests: TESTS,
      entryPoint: 'f',
      isolation: level,
      limits: { wallMs: 20_000 },
      signal: controller.signal,
    });
    expect(result).toMatchObject({ outcome: 'error', detail: 'stopped: the run was aborted' });
    expect(result.durationMs).toBeLessThan(5000);
  });

  test('killing its parent leaves the test process running', async () => {
    const result = await run('import os\ndef f():\n    os.kill(os.getppid(), 9)\n    return 1\n', level);
    expect(['failed', 'error']).toContain(result.outcome);
    const after = await run('def f():\n    return 1\n', level);
    expect(after.outcome).toBe('passed');
  });

  // As root with an interpreter only root can reach, process level cannot limit processes: no fork bomb there.
  if (level === 'bubblewrap' || DROPS_UID) {
    test('a fork bomb is contained and leaves no process behind', async () => {
      const program = 'import os\ndef f():\n    while True:\n        try:\n            os.fork()\n        except OSError:\n            pass\n';
      const result = await run(program, level);
      expect(['error', 'timeout']).toContain(result.outcome);
      expect(await leftoverProcesses()).toEqual([]);
    });
  }

  test('hostile programs running beside good ones cost the good ones nothing', async () => {
    const good = { language: 'python' as const, program: 'def f():\n    return 1\n', tests: TESTS, entryPoint: 'f', isolation: level, limits: SHORT };
    const runs = await runAllTests(
      [
        { ...good, program: 'def f():\n    while True:\n        pass\n' },
        good,
        { ...good, program: 'import os\ndef f():\n    os._exit(0)\n' },
        good,
        { ...good, program: 'def f(:\n' },
        good,
      ],
      3,
    );
    expect(runs.map((r) => r.outcome)).toEqual(['timeout', 'passed', 'error', 'passed', 'error', 'passed']);
    expect(runs[2]?.detail).toMatch(/before its tests finished/);
    expect(runs[4]?.detail).toMatch(/SyntaxError/);
  });
});
