// `thinkbench report` through the real CLI: a run on the simulated model becomes one HTML file; bad input exits 2 and writes nothing.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { runCli, suitePath, workDir } from '../helpers/cli.js';
import { mock } from '../helpers/run.js';

// Two real runs of one suite, made once; each test works in a fresh folder holding copies.
const runs = workDir();
beforeAll(async () => {
  const server = await mock({ seed: 4 });
  for (const [model, out] of [
    ['thinkbench-sim-60', 'base.json'],
    ['thinkbench-sim-100', 'candidate.json'],
  ] as const) {
    const run = await runCli(['run', suitePath('arithmetic'), '--base-url', server.url, '--model', model, '--samples', '3', '--out', out, '--quiet'], {
      cwd: runs,
    });
    expect(run.code).toBe(0);
  }
}, 120_000);

function twoRuns(cwd: string): void {
  for (const file of ['base.json', 'candidate.json']) copyFileSync(join(runs, file), join(cwd, file));
}

describe('thinkbench report', () => {
  test('a new user: run on the simulated model, then report results/*.json; one page beside the result, nothing fetched', async () => {
    const cwd = workDir();
    expect((await runCli(['run', suitePath('o1-articles'), '--model', 'thinkbench-sim', '--quiet'], { cwd })).code).toBe(0);
    const [json] = readdirSync(join(cwd, 'results'));
    const { code, stdout } = await runCli(['report', join('results', json!)], { cwd });
    expect(code).toBe(0);
    const html = join(cwd, 'results', json!.replace(/\.json$/, '.html'));
    expect(stdout).toContain(`Report written to ${join('results', json!.replace(/\.json$/, '.html'))}`);
    const page = readFileSync(html, 'utf8');
    expect(page).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'none'/);
    // The markup itself (scripts and styles aside) loads nothing: no link, image, frame or remote source.
    const markup = page.replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1>/g, '');
    expect(markup).not.toMatch(/<(?:link|img|iframe|object|embed)\b|\ssrc=/);
    expect(markup).toContain('<section id="cases">');
  });

  test('two runs of one suite with -o: one report holding both', async () => {
    const cwd = workDir();
    twoRuns(cwd);
    const { code } = await runCli(['report', 'base.json', 'candidate.json', '-o', 'out/compare.html', '--max-reasoning-chars', '500'], { cwd });
    expect(code).toBe(0);
    expect(readFileSync(join(cwd, 'out/compare.html'), 'utf8')).toContain('class="report-texts"');
  });

  test.each([
    [
      'a truncated file',
      (cwd: string) => writeFileSync(join(cwd, 'bad.json'), readFileSync(join(cwd, 'base.json'), 'utf8').slice(0, 500)),
      /bad\.json is not valid JSON .*truncated/,
    ],
    ['a foreign file', (cwd: string) => writeFileSync(join(cwd, 'bad.json'), '{"results": []}'), /bad\.json is not a thinkbench result file/],
    [
      'a newer file',
      (cwd: string) => writeFileSync(join(cwd, 'bad.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(cwd, 'base.json'), 'utf8')), schemaVersion: 99 })),
      /bad\.json has schemaVersion 99/,
    ],
    [
      'a run of another suite',
      (cwd: string) => {
        const other = JSON.parse(readFileSync(join(cwd, 'base.json'), 'utf8'));
        writeFileSync(join(cwd, 'bad.json'), JSON.stringify({ ...other, suite: { ...other.suite, name: 'letters' } }));
      },
      /bad\.json is a run of suite "letters", base\.json of "arithmetic"/,
    ],
  ])('%s: exit 2 naming the file, no report written', async (_, make, message) => {
    const cwd = workDir();
    twoRuns(cwd);
    make(cwd);
    const { code, stderr } = await runCli(['report', 'base.json', 'bad.json', '-o', 'r.html'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(existsSync(join(cwd, 'r.html'))).toBe(false);
  });

  test('an output path that cannot be written: exit 2, nothing half-written left behind', async () => {
    const cwd = workDir();
    twoRuns(cwd);
    writeFileSync(join(cwd, 'blocker'), 'a file where a folder should be');
    mkdirSync(join(cwd, 'taken.html'));
    for (const out of ['blocker/r.html', 'taken.html']) {
      const before = readdirSync(cwd).sort();
      const { code, stderr } = await runCli(['report', 'base.json', '-o', out], { cwd });
      expect(code).toBe(2);
      expect(stderr).toContain(`cannot write ${out}`);
      expect(readdirSync(cwd).sort()).toEqual(before);
      expect(readdirSync(join(cwd, 'taken.html'))).toEqual([]);
    }
  });
});
