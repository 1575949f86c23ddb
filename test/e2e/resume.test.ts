// Nothing lost: a run killed with SIGKILL resumes without redoing finished samples; Ctrl-C leaves a partial result.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Result } from '../../src/schema/result.js';
import { mock } from '../helpers/run.js';
import { runCli, startCli, suitePath, waitFor, workDir } from '../helpers/cli.js';

const journalLines = (path: string) => (existsSync(path) ? readFileSync(path, 'utf8').split('\n').filter(Boolean).length : 0);

describe('nothing lost', () => {
  test('a run killed with SIGKILL resumes to a complete result without redoing finished samples', async () => {
    const server = await mock({ latencyMs: 150 });
    const cwd = workDir();
    const out = join(cwd, 'r.json');
    const journal = join(cwd, 'r.jsonl');
    const args = ['run', suitePath('arithmetic'), '--base-url', server.url, '--model', 'thinkbench-sim', '--samples', '2', '--concurrency', '4', '--quiet'];
    const first = startCli([...args, '--out', out], { cwd });
    await waitFor(() => journalLines(journal) >= 21);
    first.child.kill('SIGKILL');
    await first.done;
    expect(existsSync(out)).toBe(false);
    const finished = journalLines(journal) - 1; // the first line is the header
    const requestsBefore = server.stats.requests;

    const resumed = await runCli([...args, '--resume', out], { cwd });
    expect(resumed.code).toBe(0);
    expect(resumed.stdout).toMatch(new RegExp(`Resuming .*r\\.json: ${finished} finished samples reused`));
    expect(server.stats.requests - requestsBefore).toBe(80 - finished);
    const result = Result.parse(JSON.parse(readFileSync(out, 'utf8')));
    expect(result.complete).toBe(true);
    expect(result.summary.samples).toBe(80);
    expect(result.cases.every((c) => c.samples.map((s) => s.index).join() === '0,1')).toBe(true);
    expect(existsSync(journal)).toBe(false);
  });

  test('resuming with other parameters is refused', async () => {
    const server = await mock();
    const cwd = workDir();
    const args = ['run', suitePath('o1-articles'), '--base-url', server.url, '--model', 'thinkbench-sim', '--out', 'r.json', '--quiet'];
    expect((await runCli(args, { cwd })).code).toBe(0);
    const { code, stderr } = await runCli([...args, '--resume', 'r.json', '--param', 'temperature=0.6'], { cwd });
    expect(code).toBe(2);
    expect(stderr).toMatch(/r\.json ran with parameters \{\}, not \{"temperature":0\.6\}/);
  });

  test('Ctrl-C stops the run, writes the partial result and exits 130', async () => {
    const server = await mock({ latencyMs: 200 });
    const cwd = workDir();
    const run = startCli(
      ['run', suitePath('arithmetic'), '--base-url', server.url, '--model', 'thinkbench-sim', '--samples', '3', '--out', 'r.json', '--quiet'],
      { cwd },
    );
    await waitFor(() => journalLines(join(cwd, 'r.jsonl')) >= 11);
    run.child.kill('SIGINT');
    const { code, stderr } = await run.done;
    expect(code).toBe(130);
    expect(stderr).toMatch(/Interrupted: the partial result was written/);
    const result = Result.parse(JSON.parse(readFileSync(join(cwd, 'r.json'), 'utf8')));
    expect(result.complete).toBe(false);
    expect(result.summary.samples).toBeGreaterThanOrEqual(10);
    expect(result.summary.samples).toBeLessThan(120);
  });
});
