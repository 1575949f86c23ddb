// JavaScript: the test convention (node:assert calls recorded one by one, check(candidate)) and hostile programs at every level.
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runTests, type CodeLimits, type Isolation } from '../../src/code/index.js';
import { hostFolder, leftoverProcesses, levels, listen, processLevelDropsUid, SECRET_NAME, SECRET_VALUE } from './hostile-helpers.js';

const LEVELS = await levels();
const DROPS_UID = await processLevelDropsUid('javascript');
const SHORT: Partial<CodeLimits> = { wallMs: 3000, memoryMb: 128 };
const TESTS = "const assert = require('node:assert');\nassert.strictEqual(f(), 1);\n";
const run = (program: string, isolation: Isolation, tests = TESTS, entryPoint?: string, limits = SHORT) =>
  runTests({ language: 'javascript', program, tests, isolation, limits, ...(entryPoint ? { entryPoint } : {}) });

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

const ADD = 'function add(a, b) {\n  return a + b;\n}\n';

describe.each(LEVELS)('javascript at %s level', (level) => {
  test.each([
    ['global assert, all hold', ADD, 'assert.strictEqual(add(1, 2), 3);\nassert.ok(add(0, 0) === 0);', undefined, 'passed', '11', undefined],
    [
      'require, one fails, the rest still run',
      ADD,
      "const assert = require('node:assert');\nassert.strictEqual(add(1, 2), 3);\nassert.strictEqual(add(1, 1), 3);\nassert.deepStrictEqual([add(1, 1)], [2]);",
      undefined,
      'failed',
      '101',
      'assert.strictEqual(add(1, 1), 3);',
    ],
    [
      'check(candidate) with an entry point',
      'const add = (a, b) => a * b;\n',
      'function check(candidate) {\n  assert.equal(candidate(2, 2), 4);\n  assert.equal(candidate(2, 3), 5);\n}',
      'add',
      'failed',
      '10',
      'assert.equal(candidate(2, 3), 5);',
    ],
    ['node:assert/strict', ADD, "const assert = require('node:assert/strict');\nassert.equal(add(2, 2), 4);", undefined, 'passed', '1', undefined],
    [
      'a throw outside an assert ends the tests',
      'function add() { throw new TypeError("nope"); }\n',
      'assert.ok(true);\nconst x = add(1, 2);\nassert.ok(x);',
      undefined,
      'failed',
      '1E',
      'const x = add(1, 2);  (raised TypeError: nope)',
    ],
  ])('%s', async (_name, program, tests, entry, outcome, signature, firstFailure) => {
    const result = await run(program, level, tests, entry);
    expect(result.outcome).toBe(outcome);
    expect(result.signature).toBe(signature);
    expect(result.firstFailure).toBe(firstFailure);
  });

  test('a program that does not parse is an error', async () => {
    const result = await run('function f( {', level);
    expect(result.outcome).toBe('error');
    expect(result.detail).toMatch(/program: SyntaxError/);
  });

  test('an infinite loop times out', async () => {
    expect((await run('function f() { for (;;) {} }', level)).outcome).toBe('timeout');
  });

  test('unbounded allocation hits the memory limit', async () => {
    const program = 'function f() { const hoard = []; for (;;) hoard.push(new Array(1e6).fill(1.5)); }';
    const result = await run(program, level, TESTS, undefined, { wallMs: 15_000, memoryMb: 128 });
    expect(result.outcome).toBe('memory_limit');
  });

  test('printing without end stops at the output cap', async () => {
    expect((await run("function f() { const s = 'x'.repeat(65536); for (;;) process.stdout.write(s); }", level)).outcome).toBe('output_limit');
  });

  test("the parent's secrets are not in process.env", async () => {
    const program = `function f() { console.log(Object.keys(process.env).join(',')); return ${JSON.stringify(SECRET_NAME)} in process.env ? 0 : 1; }`;
    const result = await run(program, level);
    expect(result.outcome).toBe('passed');
    expect(result.output).toContain('PATH');
    expect(result.output).not.toContain(SECRET_NAME);
  });

  test('writing into a host folder outside its own', async () => {
    const target = join(outside, `escape-${level}.txt`);
    const result = await run(`function f() { require('node:fs').writeFileSync(${JSON.stringify(target)}, 'escaped'); return 1; }`, level);
    const contained = level === 'bubblewrap' || DROPS_UID;
    expect(existsSync(target)).toBe(!contained);
    expect(result.outcome).toBe(contained ? 'failed' : 'passed');
  });

  test('killing its parent leaves the test process running', async () => {
    const result = await run('function f() { process.kill(process.ppid, "SIGKILL"); return 1; }', level);
    expect(['failed', 'error']).toContain(result.outcome);
    expect((await run('function f() { return 1; }', level)).outcome).toBe('passed');
  });

  if (level === 'bubblewrap') {
    test('a socket to 127.0.0.1 is refused', async () => {
      const before = net.accepted();
      // A connection attempt is asynchronous: the program reports through an exit code the harness never sees, so probe with a child.
      const program = `function f() {\n  const r = require('node:child_process').spawnSync(process.execPath, ['-e', "require('node:net').connect(${net.port}, '127.0.0.1').on('connect', () => process.exit(0)).on('error', () => process.exit(7))"]);\n  return r.status === 0 ? 1 : r.status;\n}`;
      const result = await run(program, level);
      expect(result.outcome).toBe('failed');
      expect(net.accepted()).toBe(before);
    });
  }

  if (level === 'bubblewrap' || DROPS_UID) {
    test('a fork bomb is contained and leaves no process behind', async () => {
      const program =
        "function f() { const { spawn } = require('node:child_process'); for (;;) { try { spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { detached: true, stdio: 'ignore' }).on('error', () => {}); } catch {} } }";
      const result = await run(program, level);
      expect(['error', 'timeout']).toContain(result.outcome);
      expect(await leftoverProcesses()).toEqual([]);
    });
  }
});
