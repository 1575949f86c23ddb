import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { compareCommand, type CompareFlags } from '../../src/commands/compare.js';
import { ThinkbenchError } from '../../src/errors.js';
import { parseXml } from '../report/xml.js';
import { ids, makeResult, right, wrong } from './factory.js';

const all = ids(30);
let dir: string;
let base: string;
let worse: string;
const flags = (more: Partial<CompareFlags> = {}): CompareFlags => ({ alpha: '0.05', format: 'table', ...more });

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
  const error = await promise.then(() => undefined, (e: unknown) => e);
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
    expect(error.message).toContain(`regressed: ${all.slice(9).join(', ')}.`);
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
