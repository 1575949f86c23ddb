import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { ThinkbenchError } from '../../src/errors.js';
import { journalPathFor, lockPathFor, openJournal, readJournal } from '../../src/result/journal.js';
import { openPrior } from '../../src/run/resume.js';
import type { RawSample } from '../../src/schema/result.js';

/** A journal's samples by case, as indexes, read back as a resume reads them. */
async function journalIndexes(path: string): Promise<Record<string, number[]>> {
  const read = (await readJournal(path))!;
  try {
    return Object.fromEntries([...read.caseIds()].map((id) => [id, read.get(id).map((s) => s.index)]));
  } finally {
    read.close();
  }
}

/** What a resume copies from the run saved at `out`: sample indexes by case. */
async function priorIndexes(out: string, expected: Parameters<typeof openPrior>[1]): Promise<Record<string, number[]>> {
  const prior = await openPrior(out, expected);
  const copied: Record<string, number[]> = {};
  try {
    prior.copyInto({
      has: () => false,
      add: (caseId, s) => {
        copied[caseId] = [...(copied[caseId] ?? []), s.index];
      },
    });
  } finally {
    prior.close();
  }
  return copied;
}

const header = { suite: { name: 's', sha256: 'abc' }, model: 'm', params: { temperature: 0.6 } };
const sample = (index: number, failed = false): RawSample => ({
  index,
  error: failed ? { code: 'http_500', message: 'boom' } : null,
  content: 'Answer: 3',
  reasoning: '',
  reasoningSource: 'none',
  finishReason: 'stop',
  latencyMs: 5,
  usage: null,
});

describe('the journal', () => {
  test('a new run starts it afresh; a resumed one appends; a half-written last line is skipped', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'journal-')), 'r.jsonl');
    writeFileSync(path, '{"header":{"suite":{"name":"old","sha256":"x"},"model":"old","params":{}}}\n{"caseId":"a","sample":');
    const fresh = await openJournal(path, header, false);
    fresh.add('a', sample(0));
    fresh.close();
    const resumed = await openJournal(path, header, true);
    resumed.add('a', sample(1));
    expect(resumed.get('a')!.map((s) => s.index)).toEqual([0, 1]);
    resumed.close();
    appendFileSync(path, '{"caseId":"a","sample":{"index":2,');
    const read = (await readJournal(path))!;
    expect(read.header).toEqual(header);
    read.close();
    expect(await journalIndexes(path)).toEqual({ a: [0, 1] });
    // Resumed again after that kill: the new line starts on its own line, so nothing is lost.
    const again = await openJournal(path, header, true);
    again.add('b', sample(0));
    again.close();
    expect(await journalIndexes(path)).toEqual({ a: [0, 1], b: [0] });
    expect(readFileSync(path, 'utf8')).not.toContain('"old"');
  });

  test('resume merges the result and the journal, drops failed samples, and refuses another run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resume-'));
    const out = join(dir, 'r.json');
    const journal = await openJournal(journalPathFor(out), header, false);
    journal.add('a', sample(0));
    journal.add('a', sample(1, true));
    journal.add('b', sample(0));
    journal.close();
    expect(await priorIndexes(out, header)).toEqual({ a: [0], b: [0] });
    await expect(openPrior(out, { ...header, model: 'other' })).rejects.toThrow(/ran model "m", not "other"/);
    await expect(openPrior(out, { ...header, params: { temperature: 0.7 } })).rejects.toThrow(/ran with parameters/);
    await expect(openPrior(join(dir, 'none.json'), header)).rejects.toThrow(/nothing to resume/);
  });

  test('parameters that differ only in key order are the same run', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'resume-')), 'r.json');
    const params = { a: { x: 1, y: 2 }, b: 1 };
    (await openJournal(journalPathFor(out), { ...header, params }, false)).close();
    await expect(priorIndexes(out, { ...header, params: { b: 1, a: { y: 2, x: 1 } } })).resolves.toEqual({});
  });

  test('a journal without a valid header is refused, so no other run can be mixed in', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'resume-')), 'r.json');
    writeFileSync(journalPathFor(out), `${JSON.stringify({ caseId: 'a', sample: sample(0) })}\n`);
    await expect(openPrior(out, header)).rejects.toThrow(/no valid header line/);
  });

  test('a journal line written before samples were stored raw is read with its reasoning split off', async () => {
    const path = join(mkdtempSync(join(tmpdir(), 'journal-')), 'r.jsonl');
    const old = {
      index: 0,
      outcome: 'answered',
      answer: '3',
      correct: true,
      error: null,
      content: '<think>r, r, r</think>Answer: 3',
      reasoning: 'r, r, r',
      finishReason: 'stop',
      latencyMs: 5,
      usage: null,
    };
    writeFileSync(path, `${JSON.stringify({ header })}\n${JSON.stringify({ caseId: 'a', sample: old })}\n`);
    const journal = (await readJournal(path))!;
    const [read] = journal.get('a');
    journal.close();
    expect(read).toMatchObject({ content: 'Answer: 3', reasoning: 'r, r, r', reasoningSource: 'think' });
    expect(read).not.toHaveProperty('answer');
  });
});

describe('one run, one journal', () => {
  const fresh = () => join(mkdtempSync(join(tmpdir(), 'journal-')), 'r.jsonl');

  test('a second writer is refused with the journal and the holder named; closing releases the lock', async () => {
    const path = fresh();
    const first = await openJournal(path, header, false);
    expect(readFileSync(lockPathFor(path), 'utf8').trim()).toBe(String(process.pid));
    const second = await openJournal(path, header, true).catch((error: unknown) => error);
    expect(second).toBeInstanceOf(ThinkbenchError);
    expect((second as ThinkbenchError).exitCode).toBe(2);
    expect((second as Error).message).toContain(path);
    expect((second as Error).message).toContain(`pid ${process.pid}`);
    first.add('a', sample(0));
    first.close();
    expect(existsSync(lockPathFor(path))).toBe(false);
    (await openJournal(path, header, true)).close();
    expect(await journalIndexes(path)).toEqual({ a: [0] });
  });

  test('a lock held by another live process refuses the journal and leaves it untouched', async () => {
    const path = fresh();
    writeFileSync(path, `${JSON.stringify({ header })}\n`);
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 10000)']);
    try {
      writeFileSync(lockPathFor(path), `${holder.pid}\n`);
      await expect(openJournal(path, header, false)).rejects.toThrow(new RegExp(`${path}.*pid ${holder.pid}`));
      expect(readFileSync(path, 'utf8')).toBe(`${JSON.stringify({ header })}\n`);
      expect(readFileSync(lockPathFor(path), 'utf8').trim()).toBe(String(holder.pid));
    } finally {
      holder.kill();
    }
  });

  test.each([
    ['a dead pid', () => String(spawnSync(process.execPath, ['-e', '']).pid)],
    ['no pid at all', () => ''],
  ])('a stale lock holding %s is taken over', async (_, content) => {
    const path = fresh();
    writeFileSync(lockPathFor(path), content());
    const journal = await openJournal(path, header, false);
    expect(readFileSync(lockPathFor(path), 'utf8').trim()).toBe(String(process.pid));
    journal.close();
    expect(existsSync(lockPathFor(path))).toBe(false);
  });

  test('a process that exits at once (a second Ctrl-C) takes its lock with it', async () => {
    const path = fresh();
    const script = join(dirname(path), 'exit.mts');
    const journal = new URL('../../src/result/journal.ts', import.meta.url).pathname;
    writeFileSync(
      script,
      `import { openJournal } from '${journal}';\nawait openJournal(process.argv[2], ${JSON.stringify(header)}, false);\nprocess.exit(130);\n`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script, path], { encoding: 'utf8' });
    expect(child.status).toBe(130);
    const read = (await readJournal(path))!;
    read.close();
    expect(read.header).toEqual(header);
    expect(existsSync(lockPathFor(path))).toBe(false);
  });
});
