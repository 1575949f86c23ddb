import { appendFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { journalPathFor, openJournal, readJournal } from '../../src/result/journal.js';
import { loadPriorSamples } from '../../src/run/resume.js';
import type { Sample } from '../../src/schema/result.js';

const header = { suite: { name: 's', sha256: 'abc' }, model: 'm', params: { temperature: 0.6 } };
const sample = (index: number, outcome: Sample['outcome'] = 'answered'): Sample => ({
  index, outcome, answer: outcome === 'error' ? null : '3', correct: outcome !== 'error', error: null,
  content: 'Answer: 3', reasoning: '', finishReason: 'stop', latencyMs: 5, usage: null,
});

describe('the journal', () => {
  test('a new run starts it afresh; a resumed one appends; a half-written last line is skipped', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'journal-')), 'r.jsonl');
    writeFileSync(path, '{"header":{"suite":{"name":"old","sha256":"x"},"model":"old","params":{}}}\n{"caseId":"a","sample":');
    const fresh = openJournal(path, header, false);
    fresh.append('a', sample(0));
    fresh.close();
    const resumed = openJournal(path, header, true);
    resumed.append('a', sample(1));
    resumed.close();
    appendFileSync(path, '{"caseId":"a","sample":{"index":2,');
    const read = readJournal(path)!;
    expect(read.header).toEqual(header);
    expect(read.samples.get('a')!.map((s) => s.index)).toEqual([0, 1]);
    expect(readFileSync(path, 'utf8')).not.toContain('"old"');
  });

  test('resume merges the result and the journal, drops failed samples, and refuses another run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'resume-'));
    const out = join(dir, 'r.json');
    const journal = openJournal(journalPathFor(out), header, false);
    journal.append('a', sample(0));
    journal.append('a', sample(1, 'error'));
    journal.append('b', sample(0));
    journal.close();
    const prior = await loadPriorSamples(out, header);
    expect([...prior].map(([id, s]) => [id, s.map((x) => x.index)])).toEqual([['a', [0]], ['b', [0]]]);
    await expect(loadPriorSamples(out, { ...header, model: 'other' })).rejects.toThrow(/ran model "m", not "other"/);
    await expect(loadPriorSamples(out, { ...header, params: { temperature: 0.7 } })).rejects.toThrow(/ran with parameters/);
    await expect(loadPriorSamples(join(dir, 'none.json'), header)).rejects.toThrow(/nothing to resume/);
  });
});
