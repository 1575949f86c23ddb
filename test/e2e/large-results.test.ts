// Results of any size: past the inline limit a run is written split (a JSON head and a JSONL sidecar), and every command reads it.
import { existsSync, readFileSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readResult } from '../../src/result/store.js';
import type { Result } from '../../src/schema/result.js';
import { runCli, startCli, suitePath, waitFor, workDir } from '../helpers/cli.js';
import { mock } from '../helpers/run.js';

/** A tiny inline limit: any run of more than a few samples is written split. */
const SPLIT = { THINKBENCH_INLINE_LIMIT_BYTES: '2000' };
/** A summary without the timings, which differ from run to run whatever the samples. */
const figures = ({ latencyMs: _latency, ...rest }: Result['summary']) => rest;
const answers = (r: Result) => r.cases.map((c) => `${c.id}:${c.samples.map((s) => `${s.index}=${s.answer}/${s.content.length}`).join(',')}`);
const json = (path: string) => JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;

describe('results of any size', () => {
  test('a run past the inline limit is written split; run, compare, rescore, merge and report read it like a whole file', async () => {
    const server = await mock();
    const cwd = workDir();
    const args = ['run', suitePath('arithmetic'), '--base-url', server.url, '--model', 'thinkbench-sim', '--samples', '3', '--cache', 'cache', '--quiet'];
    // The first run fills the cache: every run below receives the same replies, and none is billed.
    expect((await runCli([...args, '--out', 'warm.json'], { cwd })).code).toBe(0);
    expect((await runCli([...args, '--out', 'whole.json'], { cwd })).code).toBe(0);
    const run = await runCli([...args, '--out', 'split.json'], { cwd, env: SPLIT });
    expect(run.code).toBe(0);

    expect(json(join(cwd, 'whole.json')).schemaVersion).toBe(1);
    const head = json(join(cwd, 'split.json')) as { schemaVersion: number; samplesFile: unknown; cases: Record<string, unknown>[] };
    expect(head.schemaVersion).toBe(2);
    expect(head.samplesFile).toEqual({ path: 'split.samples.jsonl', samples: 120 });
    expect(head.cases).toHaveLength(40);
    expect(head.cases[0]).not.toHaveProperty('samples');
    expect(readFileSync(join(cwd, 'split.samples.jsonl'), 'utf8').trim().split('\n')).toHaveLength(120);
    const whole = await readResult(join(cwd, 'whole.json'));
    const split = await readResult(join(cwd, 'split.json'));
    expect(figures(split.summary)).toEqual(figures(whole.summary));
    expect(answers(split)).toEqual(answers(whole));

    const compared = await runCli(['compare', 'whole.json', 'split.json', '--format', 'json', '--fail-on-regression'], { cwd, env: SPLIT });
    expect(compared.code).toBe(0);
    expect(JSON.parse(compared.stdout).candidates[0].regressed).toEqual([]);

    const rescored = await runCli(['rescore', 'split.json', '--out', 'rescored.json'], { cwd, env: SPLIT });
    expect(rescored.code).toBe(0);
    expect(rescored.stdout).toMatch(/0 answers and 0 verdicts changed/);
    expect(figures((await readResult(join(cwd, 'rescored.json'))).summary)).toEqual(figures(whole.summary));

    for (const shard of ['1/2', '2/2']) {
      expect((await runCli([...args, '--shard', shard, '--out', `shard-${shard[0]}.json`], { cwd, env: SPLIT })).code).toBe(0);
    }
    const merged = await runCli(['merge', 'shard-1.json', 'shard-2.json', '--out', 'merged.json'], { cwd, env: SPLIT });
    expect(merged.code).toBe(0);
    expect(json(join(cwd, 'merged.json')).schemaVersion).toBe(2);
    const mergedResult = await readResult(join(cwd, 'merged.json'));
    expect(figures(mergedResult.summary)).toEqual(figures(whole.summary));
    expect(answers(mergedResult)).toEqual(answers(whole));

    const report = await runCli(['report', 'whole.json', 'split.json', '-o', 'report.html'], { cwd, env: SPLIT });
    expect(report.code).toBe(0);
    expect(readFileSync(join(cwd, 'report.html'), 'utf8')).toContain('<html');
  }, 120_000);

  test('a split run killed with SIGKILL resumes without redoing finished samples', async () => {
    const server = await mock({ latencyMs: 150 });
    const cwd = workDir();
    const journal = join(cwd, 'r.jsonl');
    const lines = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter(Boolean).length : 0);
    const args = ['run', suitePath('arithmetic'), '--base-url', server.url, '--model', 'thinkbench-sim', '--samples', '2', '--concurrency', '4', '--quiet'];
    const first = startCli([...args, '--out', 'r.json'], { cwd, env: SPLIT });
    await waitFor(() => lines() >= 21);
    first.child.kill('SIGKILL');
    await first.done;
    const finished = lines() - 1;
    const before = server.stats.requests;
    const resumed = await runCli([...args, '--resume', 'r.json'], { cwd, env: SPLIT });
    expect(resumed.code).toBe(0);
    expect(server.stats.requests - before).toBe(80 - finished);
    expect(json(join(cwd, 'r.json')).schemaVersion).toBe(2);
    const result = await readResult(join(cwd, 'r.json'));
    expect(result.complete).toBe(true);
    expect(result.cases.every((c) => c.samples.map((s) => s.index).join() === '0,1')).toBe(true);
    expect(existsSync(journal)).toBe(false);
    // Resuming the complete split result sends nothing and reads every sample back.
    const again = await runCli([...args, '--resume', 'r.json'], { cwd, env: SPLIT });
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/80 finished samples reused/);
    expect(server.stats.requests - before).toBe(80 - finished);
  }, 120_000);

  test('a damaged, missing or foreign sidecar is refused with the file named (exit 2)', async () => {
    const server = await mock();
    const cwd = workDir();
    const args = ['run', suitePath('o1-articles'), '--base-url', server.url, '--model', 'thinkbench-sim', '--samples', '4', '--quiet'];
    expect((await runCli([...args, '--out', 'r.json'], { cwd, env: SPLIT })).code).toBe(0);
    const sidecar = join(cwd, 'r.samples.jsonl');
    const text = readFileSync(sidecar, 'utf8');

    truncateSync(sidecar, text.length - 40);
    let read = await runCli(['compare', 'r.json', 'r.json'], { cwd });
    expect(read.code).toBe(2);
    expect(read.stderr).toContain('r.samples.jsonl:16: not a JSON line; is the file damaged?');

    writeFileSync(sidecar, text.split('\n').slice(0, 10).join('\n'));
    read = await runCli(['rescore', 'r.json'], { cwd });
    expect(read.code).toBe(2);
    expect(read.stderr).toMatch(/r\.samples\.jsonl holds 10 samples where .*r\.json says 16; is it truncated/);

    const head = json(join(cwd, 'r.json'));
    writeFileSync(join(cwd, 'elsewhere.json'), JSON.stringify({ ...head, samplesFile: { path: '../secrets.jsonl', samples: 16 } }));
    read = await runCli(['report', 'elsewhere.json'], { cwd });
    expect(read.code).toBe(2);
    expect(read.stderr).toContain('must be a file beside it');

    writeFileSync(join(cwd, 'lost.json'), JSON.stringify({ ...head, samplesFile: { path: 'gone.samples.jsonl', samples: 16 } }));
    read = await runCli(['merge', 'lost.json'], { cwd });
    expect(read.code).toBe(2);
    expect(read.stderr).toContain('gone.samples.jsonl, which cannot be read (ENOENT); keep the two files together');
  }, 60_000);
});
