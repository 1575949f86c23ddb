// The sample-line index: lines found by case with positioned reads, the last written winning, past its first growth.
import { closeSync, mkdtempSync, openSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { scanSampleLines } from '../../src/result/sample-lines.js';

describe('the sample-line index', () => {
  test('reads each case in index order, the last line for an index winning, over thousands of lines', async () => {
    const lines = [JSON.stringify({ header: { note: 'not a sample' } })];
    for (let round = 0; round < 3; round++)
      for (let c = 0; c < 1500; c++) lines.push(JSON.stringify({ caseId: `case-${c}`, sample: { index: 2 - round, text: `c${c} r${round} ünïcode` } }));
    lines.push(JSON.stringify({ caseId: 'case-7', sample: { index: 1, text: 'rewritten' } }));
    const path = join(mkdtempSync(join(tmpdir(), 'lines-')), 'x.jsonl');
    writeFileSync(path, `${lines.join('\n')}\n{"caseId":"case-1","sam`);
    const others: unknown[] = [];
    const { index, broken } = await scanSampleLines(path, ({ value }) => others.push(value));
    expect(others).toEqual([{ header: { note: 'not a sample' } }]);
    expect(broken).toEqual([lines.length + 1]);
    expect(index.size).toBe(4501);
    expect([...index.caseIds()]).toHaveLength(1500);
    expect(index.has('case-7', 2)).toBe(true);
    expect(index.has('case-7', 3)).toBe(false);
    const fd = openSync(path, 'r');
    try {
      const read = (id: string) => index.read(fd, id, (text, number) => ({ ...JSON.parse(text).sample, number }));
      expect(read('case-1200').map((s) => [s.index, s.text])).toEqual([
        [0, 'c1200 r2 ünïcode'],
        [1, 'c1200 r1 ünïcode'],
        [2, 'c1200 r0 ünïcode'],
      ]);
      expect(read('case-7').map((s) => s.text)).toEqual(['c7 r2 ünïcode', 'rewritten', 'c7 r0 ünïcode']);
      expect(read('case-7')[1].number).toBe(lines.length);
      expect(read('no-such-case')).toEqual([]);
    } finally {
      closeSync(fd);
    }
  });

  test('tells which samples are done without reading a line: a failed one is not, and the last line for an index decides', async () => {
    const error = { code: 'timeout', message: 'timed out' };
    const lines = [
      { caseId: 'a', sample: { index: 0, error: null } },
      { caseId: 'a', sample: { index: 1, error } },
      { caseId: 'a', sample: { index: 2, error } },
      { caseId: 'a', sample: { index: 2, error: null } }, // sent again and answered
      { caseId: 'b', sample: { index: 0, error } },
    ];
    const path = join(mkdtempSync(join(tmpdir(), 'lines-')), 'x.jsonl');
    writeFileSync(path, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const { index } = await scanSampleLines(path);
    expect(index.finished('a')).toEqual([0, 2]);
    expect(index.finished('b')).toEqual([]);
    expect(index.finished('no-such-case')).toEqual([]);
    index.add('b', 0, 0, 1, 6, false);
    index.add('a', 0, 0, 1, 7, true);
    expect(index.finished('b')).toEqual([0]);
    expect(index.finished('a')).toEqual([2]);
  });
});
