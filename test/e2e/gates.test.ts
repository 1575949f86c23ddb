// Issue-level checks through the real CLI: honest metrics on a 60% model, a regression gate between real runs, rescore.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Result } from '../../src/schema/result.js';
import { mock } from '../helpers/run.js';
import { ROOT, runCli, suitePath, workDir } from '../helpers/cli.js';

const readResult = (path: string) => Result.parse(JSON.parse(readFileSync(path, 'utf8')));

describe('numbers you can trust', () => {
  test('a model right 60% of the time, 16 samples over 40 cases: maj@1 = pass1, maj@k rises, pass@k >= maj@k, a CI', async () => {
    const server = await mock({ seed: 7 });
    const cwd = workDir();
    const args = [
      'run',
      suitePath('arithmetic'),
      '--base-url',
      server.url,
      '--model',
      'thinkbench-sim-60',
      '--samples',
      '16',
      '--concurrency',
      '32',
      '--out',
      'r.json',
      '--quiet',
    ];
    const { code, stdout } = await runCli(args, { cwd });
    expect(code).toBe(0);
    const { summary } = readResult(join(cwd, 'r.json'));
    expect(summary.cases).toBe(40);
    expect(summary.majAtK!['1']).toBeCloseTo(summary.pass1, 10);
    expect(summary.pass1).toBeGreaterThan(0.5);
    expect(summary.pass1).toBeLessThan(0.7);
    const ks = ['1', '2', '4', '8', '16'];
    expect(Object.keys(summary.majAtK!)).toEqual(ks);
    for (const [i, k] of ks.slice(1).entries()) expect(summary.majAtK![k]).toBeGreaterThanOrEqual(summary.majAtK![ks[i]!]! - 1e-12);
    for (const k of ks) expect(summary.passAtK![k]).toBeGreaterThanOrEqual(summary.majAtK![k]! - 1e-12);
    expect(summary.majAtK!['16']).toBeCloseTo(summary.accuracy, 10);
    const [low, high] = summary.ci95!;
    expect(low).toBeLessThanOrEqual(summary.accuracy);
    expect(high).toBeGreaterThanOrEqual(summary.accuracy);
    expect(high - low).toBeGreaterThan(0);
    expect(stdout).toMatch(/^maj@k\s+1: \d+\.\d%\s+2: .*16: \d+\.\d%$/m);
    expect(stdout).toMatch(/95% CI/);
  });

  test('rescore reproduces a saved run without calling the model', async () => {
    const server = await mock();
    const cwd = workDir();
    expect(
      (
        await runCli(
          ['run', suitePath('o1-articles'), '--base-url', server.url, '--model', 'thinkbench-sim-70', '--samples', '8', '--out', 'r.json', '--quiet'],
          { cwd },
        )
      ).code,
    ).toBe(0);
    const requests = server.stats.requests;
    const rescored = await runCli(['rescore', 'r.json', '--suite', suitePath('o1-articles')], { cwd });
    expect(rescored.code).toBe(0);
    expect(rescored.stdout).toMatch(/Re-scored r\.json without calling (the|any) model: 0 answers and 0 verdicts changed/);
    expect(server.stats.requests).toBe(requests);
    const before = readResult(join(cwd, 'r.json'));
    const after = readResult(join(cwd, 'r-rescored.json'));
    expect(after.summary).toEqual(before.summary);
    expect(after.rescoredAt).toBeDefined();
  });
});

describe('regression gate between real runs', () => {
  test('a model right 100% against one right 30% on 30 cases: exit 1 naming regressed ids; the same file twice: exit 0', async () => {
    const server = await mock({ seed: 2 });
    const cwd = workDir();
    const cases = Array.from({ length: 30 }, (_, i) => `  - id: sum-${i + 1}\n    prompt: What is ${i * 37} + ${i * 11 + 5}?\n    expected: ${i * 48 + 5}\n`);
    writeFileSync(join(cwd, 'sums.yaml'), `name: sums\ndefaults: { scorer: number }\ncases:\n${cases.join('')}`);
    const run = (model: string, out: string) =>
      runCli(['run', 'sums.yaml', '--base-url', server.url, '--model', model, '--samples', '3', '--out', out, '--quiet'], { cwd });
    expect((await run('thinkbench-sim-100', 'base.json')).code).toBe(0);
    expect((await run('thinkbench-sim-30', 'candidate.json')).code).toBe(0);
    const base = readResult(join(cwd, 'base.json'));
    const candidate = readResult(join(cwd, 'candidate.json'));
    expect(base.cases).toHaveLength(30);
    const regressed = candidate.cases.filter((c) => !c.correct).map((c) => c.id);
    expect(regressed.length).toBeGreaterThan(10);

    const gate = await runCli(['compare', 'base.json', 'candidate.json', '--fail-on-regression'], { cwd });
    expect(gate.code).toBe(1);
    for (const id of regressed) expect(gate.stdout + gate.stderr).toContain(id);
    expect((await runCli(['compare', 'base.json', 'base.json', '--fail-on-regression'], { cwd })).code).toBe(0);
  });
});

describe('the gate on small and unfinished candidates (the shipped 4-case baseline)', () => {
  const baseline = join(ROOT, 'baselines/o1-articles.json');

  test('a candidate that gets every case wrong fails, and the report says first that the suite is small', async () => {
    const server = await mock({ seed: 3 });
    const cwd = workDir();
    const run = await runCli(['run', suitePath('o1-articles'), '--base-url', server.url, '--model', 'thinkbench-sim-0', '--out', 'wrong.json', '--quiet'], {
      cwd,
    });
    expect(run.code).toBe(0);
    const gate = await runCli(['compare', baseline, 'wrong.json', '--fail-on-regression'], { cwd });
    expect(gate.code).toBe(1);
    expect(gate.stdout.split('\n')[0]).toMatch(
      /^Small suite: wrong\.json pairs 4 cases with the base, and with fewer than 6 no paired test can reach p < 0\.05/,
    );
    expect(gate.stdout).toContain('95% CI: too few cases');
    expect(gate.stdout).not.toMatch(/\[-100\.0, -100\.0\]/);
    expect(gate.stderr).toMatch(/wrong\.json has 4 cases newly failing \(strawberry, decimal-compare, cipher, prince-princess\)/);
  });

  test('a candidate cut short by its time budget never passes: exit 1 with the coverage sentence', async () => {
    const server = await mock({ latencyMs: 400 });
    const cwd = workDir();
    const args = [
      'run',
      suitePath('o1-articles'),
      '--base-url',
      server.url,
      '--model',
      'thinkbench-sim-100',
      '--concurrency',
      '1',
      '--time-budget',
      '700ms',
      '--out',
      'short.json',
      '--quiet',
    ];
    await runCli(args, { cwd });
    const short = readResult(join(cwd, 'short.json'));
    expect(short.complete).toBe(false);
    const gate = await runCli(['compare', baseline, 'short.json', '--fail-on-regression'], { cwd });
    expect(gate.code).toBe(1);
    expect(gate.stderr).toMatch(/short\.json has \d of the 20 samples .* finished \(\d+\.\d%\), under the 100\.0% required \(--min-coverage 1\)/);
  });
});
