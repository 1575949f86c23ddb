import { describe, expect, test } from 'vitest';
import { planRequests, sampleParams } from '../../src/run/plan.js';
import { Case } from '../../src/schema/suite.js';

const makeCase = (id: string, samples?: number) =>
  Case.parse({ id, scorer: 'text', expected: 'x', messages: [{ role: 'user', content: id }], tags: [], params: {}, samples });

describe('planRequests', () => {
  test('round-robin: sample 0 of every case before sample 1 of any', () => {
    const tasks = [...planRequests([makeCase('a'), makeCase('b', 1), makeCase('c')], { samples: 3, params: {} })];
    expect(tasks.map((t) => `${t.caseIndex}:${t.sampleIndex}`)).toEqual(['0:0', '1:0', '2:0', '0:1', '2:1', '0:2', '2:2']);
  });

  test('--samples overrides every case; finished samples are skipped', () => {
    const tasks = [...planRequests([makeCase('a', 5), makeCase('b')], { samples: 3, samplesOverride: 2, params: {}, done: new Set(['0:0', '1:1']) })];
    expect(tasks.map((t) => `${t.caseIndex}:${t.sampleIndex}`)).toEqual(['1:0', '0:1']);
  });
});

describe('sampleParams', () => {
  test('command-line parameters override the suite', () => {
    expect(sampleParams({ temperature: 0.2, reasoning_effort: 'low' }, { reasoning_effort: 'high' }, 0)).toEqual({
      temperature: 0.2,
      reasoning_effort: 'high',
    });
  });
  test('a fixed seed becomes one seed per sample', () => {
    const seeds = [0, 1, 2].map((i) => sampleParams({}, { seed: 7 }, i).seed);
    expect(seeds).toEqual([7, 8, 9]);
  });
});
