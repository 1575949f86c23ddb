// The README's CI recipe, as written in examples/github-actions/thinkbench.yml, against the built-in simulated model.
import { copyFileSync, cpSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { parse } from 'yaml';
import { ROOT, runCli, workDir } from '../helpers/cli.js';

const workflow = readFileSync(join(ROOT, 'examples/github-actions/thinkbench.yml'), 'utf8');
const VALIDATE = ['validate', 'suites/o1-articles.yaml'];
const RUN = ['run', 'suites/o1-articles.yaml', '--out', 'results/candidate.json', '--time-budget', '20m', '--quiet', '--allow-custom-scorers'];
const COMPARE = [
  'compare',
  'baselines/o1-articles.json',
  'results/candidate.json',
  '--fail-on-regression',
  '--format',
  'markdown',
  '--junit',
  'results/junit.xml',
];

describe('the CI recipe', () => {
  test('the workflow runs these commands', () => {
    expect(() => parse(workflow)).not.toThrow();
    const folded = workflow.replace(/\s*\\?\n\s*/g, ' ');
    expect(folded).toContain(`npx thinkbench ${VALIDATE.join(' ')}`);
    expect(folded).toContain(`npx thinkbench ${RUN.join(' ')}`);
    expect(folded).toContain(`npx thinkbench ${COMPARE.join(' ')}`);
  });

  test('installs thinkbench from the lockfile and stops at once when it is missing, never asking the registry', () => {
    const steps = workflow.indexOf('npm ci');
    expect(steps).toBeGreaterThan(0);
    expect(workflow.indexOf('npx --no -- thinkbench --version')).toBeGreaterThan(steps);
    expect(workflow).toContain('npm install -D github:<owner>/thinkbench');
  });

  test('against the committed baseline on the simulated model it passes and writes markdown and JUnit', async () => {
    const cwd = workDir();
    mkdirSync(join(cwd, 'suites'));
    mkdirSync(join(cwd, 'baselines'));
    copyFileSync(join(ROOT, 'suites/o1-articles.yaml'), join(cwd, 'suites/o1-articles.yaml'));
    cpSync(join(ROOT, 'suites/scorers'), join(cwd, 'suites/scorers'), { recursive: true }); // its custom scorer
    copyFileSync(join(ROOT, 'baselines/o1-articles.json'), join(cwd, 'baselines/o1-articles.json'));
    expect(await runCli(VALIDATE, { cwd })).toMatchObject({ code: 0, stdout: expect.stringContaining('suites/o1-articles.yaml: ok (o1-articles, 4 cases') });
    expect((await runCli(RUN, { cwd })).code).toBe(0);
    const compare = await runCli(COMPARE, { cwd });
    expect(compare.code).toBe(0);
    // Four cases: no paired test can reach p < 0.05, so the report says so first and the gate counts newly failing cases.
    expect(compare.stdout.split('\n')[0]).toMatch(/^### ✅ thinkbench: .*too few cases for the paired test \(4 paired, it needs 6/);
    expect(compare.stdout).toContain('> ⚠️ Small suite: results/candidate.json pairs 4 cases with the base');
    expect(compare.stdout).toMatch(/^\| coverage \| 20 samples \| 20 samples \| 100\.0% \|$/m);
    expect(compare.stdout).toMatch(/^\| accuracy \| 100\.0% \| 100\.0% \|/m);
    expect(compare.stdout).not.toMatch(/suite hash|different version/i);
    expect(readFileSync(join(cwd, 'results/junit.xml'), 'utf8')).toMatch(/<testsuite [^>]*tests="4"/);
  });
});
