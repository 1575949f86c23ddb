import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { compareCommand } from '../../src/commands/compare.js';
import { ThinkbenchError } from '../../src/errors.js';
import { ROOT } from '../helpers/cli.js';
import { parseXml } from '../report/xml.js';
import { ids, makeResult, right, wrong } from './factory.js';

const all = ids(30);
let dir: string;
let base: string;
let worse: string;
const flags = (more: Record<string, unknown> = {}) => ({ alpha: '0.05', format: 'table', ...more });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thinkbench-compare-'));
  base = join(dir, 'base.json');
  worse = join(dir, 'worse.json');
  await writeFile(base, JSON.stringify(makeResult(all.map((id) => right(id)))));
  await writeFile(worse, JSON.stringify(makeResult(all.map((id, i) => (i < 9 ? right(id) : wrong(id))))));
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
  process.exitCode = undefined;
});

function captureStdout(): { text: () => string; calls: () => number } {
  const chunks: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    return true;
  });
  return { text: () => chunks.join(''), calls: () => chunks.length };
}

async function errorOf(promise: Promise<unknown>): Promise<ThinkbenchError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ThinkbenchError);
  return error as ThinkbenchError;
}

describe('compareCommand', () => {
  test.each([
    ['truncated', (text: string) => text.slice(0, text.length / 2), /is not valid JSON.*truncated/],
    ['foreign', () => JSON.stringify({ hello: 'world' }), /is not a thinkbench result file/],
    ['newer', (text: string) => JSON.stringify({ ...JSON.parse(text), schemaVersion: 99 }), /schemaVersion 99, newer than/],
    ['invalid', (text: string) => JSON.stringify({ ...JSON.parse(text), cases: 'none' }), /is not a valid result file: cases/],
  ])('a %s file is invalid input naming the file', async (name, mangle, pattern) => {
    const out = captureStdout();
    const path = join(dir, `${name}.json`);
    await writeFile(path, mangle(await readFile(base, 'utf8')));
    const error = await errorOf(compareCommand([base, path], flags()));
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toContain(path);
    expect(error.message).toMatch(pattern);
    expect(out.calls()).toBe(0);
  });

  test('a missing file is invalid input naming it', async () => {
    const error = await errorOf(compareCommand([base, join(dir, 'nope.json')], flags()));
    expect(error.message).toBe(`${join(dir, 'nope.json')}: no such result file.`);
  });

  test.each([
    [{ alpha: '2' }, '--alpha'],
    [{ maxRegressions: '-1' }, '--max-regressions'],
    [{ failUnder: 'high' }, '--fail-under'],
    [{ minCoverage: '1.5' }, '--min-coverage'],
  ])('bad flag %j is invalid input naming %s', async (more, flag) => {
    const error = await errorOf(compareCommand([base, worse], flags(more)));
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toContain(flag);
  });

  test('prints the report first, then fails the gate naming the regressed ids', async () => {
    const out = captureStdout();
    const error = await errorOf(compareCommand([base, worse], flags({ failOnRegression: true, format: 'markdown' })));
    expect(error.kind).toBe('gate_failed');
    expect(error.exitCode).toBe(1);
    expect(error.message).toContain(`newly failing: ${all.slice(9).join(', ')}.`);
    expect(out.text()).toMatch(/^### ❌ thinkbench/);
  });

  test('passes with exit code 0 when no gate fails', async () => {
    const out = captureStdout();
    await compareCommand([base, worse], flags({ format: 'json' }));
    expect(process.exitCode).toBe(0);
    expect(JSON.parse(out.text()).candidates[0].regressed).toHaveLength(21);
  });

  test('--fail-under gates the candidate accuracy', async () => {
    captureStdout();
    const error = await errorOf(compareCommand([base, worse], flags({ failUnder: '0.5' })));
    expect(error.message).toBe(`${worse} has accuracy 30.0%, under --fail-under 0.5.`);
  });

  test('--junit writes the report atomically, even when the gate then fails', async () => {
    captureStdout();
    const junit = join(dir, 'reports', 'junit.xml');
    await errorOf(compareCommand([base, worse], flags({ failOnRegression: true, junit })));
    const root = parseXml(await readFile(junit, 'utf8'));
    expect(root.attributes).toMatchObject({ tests: '30', failures: '21' });
    expect(await readdir(join(dir, 'reports'))).toEqual(['junit.xml']);
  });

  test('the shipped 4-case baseline against an all-wrong candidate fails the gate (exit 1), saying the suite is small first', async () => {
    const out = captureStdout();
    const baseline = join(ROOT, 'baselines/o1-articles.json');
    const result = JSON.parse(await readFile(baseline, 'utf8')) as {
      cases: {
        answer: string | null;
        correct: boolean;
        tie: boolean;
        credit?: number;
        votes: Record<string, number>;
        samples: { answer: string | null; correct: boolean }[];
      }[];
    };
    for (const c of result.cases) {
      c.samples = c.samples.map((s) => ({ ...s, answer: 'no idea', correct: false }));
      Object.assign(c, { answer: 'no idea', correct: false, tie: false, credit: 0, votes: { 'no idea': c.samples.length } });
    }
    const allWrong = join(dir, 'o1-all-wrong.json');
    await writeFile(allWrong, JSON.stringify(result));
    const error = await errorOf(compareCommand([baseline, allWrong], flags({ failOnRegression: true })));
    expect(error.exitCode).toBe(1);
    expect(error.message).toMatch(
      /has 4 cases newly failing \(strawberry, decimal-compare, cipher, prince-princess\); with 4 paired cases no test can reach p < 0\.05/,
    );
    expect(out.text().split('\n')[0]).toMatch(/^Small suite: .*o1-all-wrong\.json pairs 4 cases with the base/);
    process.exitCode = undefined;
    await compareCommand([baseline, baseline], flags({ failOnRegression: true }));
    expect(process.exitCode).toBe(0);
  });

  test("--min-coverage lowers the share of the base's samples a candidate must have", async () => {
    captureStdout();
    const half = join(dir, 'half.json');
    await writeFile(
      half,
      JSON.stringify(
        makeResult(
          all.map((id, i) => (i < 15 ? right(id) : { id, answers: [] })),
          { complete: false },
        ),
      ),
    );
    const error = await errorOf(compareCommand([base, half], flags({ failOnRegression: true })));
    expect(error.message).toMatch(/half\.json has 45 of the 90 samples .*base\.json finished \(50\.0%\), under the 100\.0% required/);
    await compareCommand([base, half], flags({ failOnRegression: true, minCoverage: '0.5' }));
    expect(process.exitCode).toBe(0);
  });

  test('files sharing no case id are refused unless --force', async () => {
    captureStdout();
    const other = join(dir, 'other.json');
    await writeFile(other, JSON.stringify(makeResult([right('zz')])));
    const error = await errorOf(compareCommand([base, other], flags()));
    expect(error.kind).toBe('invalid_input');
    expect(error.message).toMatch(/share no case ids.*--force/);
    await compareCommand([base, other], flags({ force: true }));
    expect(process.exitCode).toBe(0);
  });
});
