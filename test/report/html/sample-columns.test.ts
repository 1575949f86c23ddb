// Samples packed as columns and read back by the page's own reader: the same samples, smaller.
import { describe, expect, test } from 'vitest';
import type { PageSample, ReportData } from '../../../src/report/html/data.js';
import type { Page } from '../../../src/report/html/page/page-api.js';
import { installSamples } from '../../../src/report/html/page/samples.js';
import { packSamples } from '../../../src/report/html/sample-columns.js';

const sample = (index: number, extra: Partial<PageSample> = {}): PageSample => ({
  index,
  outcome: 'answered',
  answer: '42',
  correct: true,
  rule: 'marker',
  span: [0, 2],
  reasoningChars: 100 + index,
  trimmed: null,
  reasoningSource: 'field',
  finishReason: 'stop',
  latencyMs: 1000 * index,
  firstTokenMs: null,
  usage: { prompt: 10, completion: 20, reasoning: 5, total: 30 },
  error: null,
  forced: false,
  cached: false,
  score: null,
  ...extra,
});

const SAMPLES: PageSample[] = [
  sample(0),
  sample(1, { answer: '41', correct: false, span: [3, 2], usage: null }),
  sample(2, { outcome: 'error', answer: null, rule: null, span: null, error: { code: 'timeout', message: 'no reply in 60 s' }, finishReason: null }),
  sample(3, { trimmed: { chars: 500, at: 50 }, forced: true, cached: true, score: 0.5, firstTokenMs: 300, rule: 'boxed' }),
];

const readBack = (samples: readonly PageSample[]) => {
  const page = { data: { samples: packSamples(samples) } as ReportData } as Page;
  installSamples(page);
  return samples.map((_, i) => page.sample(i));
};

describe('packSamples', () => {
  test('the page reads back every sample as it was', () => {
    expect(readBack(SAMPLES)).toEqual(SAMPLES);
  });

  test('a field with one value throughout is stored once; strings are indices into one table of distinct strings', () => {
    const packed = packSamples(SAMPLES);
    expect(packed.uniform).toEqual({ reasoningSource: 'field' });
    expect(packed.tabled).toEqual(['outcome', 'answer', 'rule', 'finishReason']);
    expect(packed.strings).toEqual(['answered', 'error', '42', '41', 'marker', 'boxed', 'stop']);
    expect(packed.columns.answer).toEqual([2, 3, null, 2]);
    expect(Object.keys(packed.columns)).not.toContain('reasoningSource');
  });

  test('one sample: every field is uniform, and still reads back', () => {
    expect(Object.keys(packSamples([SAMPLES[2]!]).columns)).toEqual([]);
    expect(readBack([SAMPLES[2]!])).toEqual([SAMPLES[2]]);
  });

  test('ten thousand alike samples pack to a fraction of their JSON as objects', () => {
    const many = Array.from({ length: 10_000 }, (_, i) => sample(i % 8, { latencyMs: 1000 + ((i * 7919) % 30_000), answer: String(i >> 3) }));
    expect(JSON.stringify(packSamples(many)).length).toBeLessThan(JSON.stringify(many).length / 4);
  });

  test('no samples', () => {
    expect(packSamples([])).toEqual({ count: 0, strings: [], tabled: [], uniform: {}, columns: {} });
  });
});
