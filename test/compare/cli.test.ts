// End to end: the built CLI as a child process, on result files written by the test.
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ROOT as root, runCli } from '../helpers/cli.js';
import { findAll, parseXml } from '../report/xml.js';
import { ids, makeResult, right, wrong } from './factory.js';

const all = ids(30);
const dir = mkdtempSync(join(tmpdir(), 'thinkbench-cli-'));
const path = (name: string) => join(dir, name);

/** Newest modification time of any file under `folder`. */
function newest(folder: string): number {
  return Math.max(
    0,
    ...readdirSync(folder, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => statSync(join(e.parentPath, e.name)).mtimeMs),
  );
}

const thinkbench = (...args: string[]) => runCli(args, { cwd: dir, env: { NO_COLOR: '1' } });

beforeAll(() => {
  const cli = join(root, 'dist', 'cli.js');
  if (!existsSync(cli) || statSync(cli).mtimeMs < newest(join(root, 'src'))) {
    try {
      execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'pipe' });
    } catch (error) {
      // tsc still emits JavaScript when some other file has a type error; only a missing build is fatal.
      if (!existsSync(join(root, 'dist', 'commands', 'compare.js'))) throw error;
      console.warn(`npm run build reported errors; testing the JavaScript it emitted:\n${String((error as { stdout?: unknown }).stdout ?? '')}`);
    }
  }
  writeFileSync(path('base.json'), JSON.stringify(makeResult(all.map((id) => right(id)))));
  writeFileSync(
    path('candidate.json'),
    JSON.stringify(
      makeResult(
        all.map((id, i) => (i < 9 ? right(id) : wrong(id))),
        { model: 'model-b' },
      ),
    ),
  );
  writeFileSync(path('truncated.json'), readFileSync(path('base.json'), 'utf8').slice(0, 500));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('thinkbench compare (built CLI)', () => {
  test('--fail-on-regression exits 1 naming the regressed ids, after printing the report', async () => {
    const { code, stdout, stderr } = await thinkbench('compare', path('base.json'), path('candidate.json'), '--fail-on-regression');
    expect(code).toBe(1);
    expect(stderr).toContain(`newly failing: ${all.slice(9).join(', ')}.`);
    expect(stderr).toContain('is significantly worse than');
    expect(stdout).toContain('Verdict: significantly worse');
    expect(stdout).not.toContain('\u001b[');
  });

  test('the same file twice exits 0', async () => {
    const { code, stdout, stderr } = await thinkbench('compare', path('base.json'), path('base.json'), '--fail-on-regression');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Verdict: no significant change');
  });

  test('--format markdown prints the figures table', async () => {
    const { code, stdout } = await thinkbench('compare', path('base.json'), path('candidate.json'), '--format', 'markdown');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^### 🔻 thinkbench: /);
    expect(stdout).toContain('|  | base | candidate | Δ |\n| --- | ---: | ---: | ---: |\n| model | model-a | model-b |  |\n| accuracy | 100.0% | 30.0% |');
  });

  test('--format json prints the documented shape', async () => {
    const { code, stdout } = await thinkbench('compare', path('base.json'), path('candidate.json'), path('base.json'), '--format', 'json');
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.candidates.map((c: { file: string }) => c.file)).toEqual([path('candidate.json'), path('base.json')]);
    expect(json.candidates[0].mcnemar).toEqual({ b: 21, c: 0, pValue: 2 ** -20 });
    expect(json.leaderboard).toHaveLength(3);
  });

  test('--junit writes a JUnit file with one testcase per case', async () => {
    const junit = path('out/junit.xml');
    const { code } = await thinkbench('compare', path('base.json'), path('candidate.json'), '--junit', junit);
    expect(code).toBe(0);
    const xml = parseXml(readFileSync(junit, 'utf8'));
    expect(findAll(xml, 'testcase')).toHaveLength(30);
    expect(findAll(xml, 'failure').every((f) => f.attributes.type === 'regressed')).toBe(true);
    expect(findAll(xml, 'failure')).toHaveLength(21);
  });

  test('a truncated file exits 2 naming it, without a stack trace', async () => {
    const { code, stdout, stderr } = await thinkbench('compare', path('base.json'), path('truncated.json'));
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(new RegExp(`^thinkbench: ${path('truncated.json').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} is not valid JSON .*truncated\\?\n$`));
  });

  test('files sharing no case id exit 2 unless --force', async () => {
    writeFileSync(path('other.json'), JSON.stringify(makeResult([right('elsewhere')])));
    const refused = await thinkbench('compare', path('base.json'), path('other.json'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/share no case ids.*--force/);
    expect((await thinkbench('compare', path('base.json'), path('other.json'), '--force')).code).toBe(0);
  });
});
