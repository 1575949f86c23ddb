import { describe, expect, test } from 'vitest';
import { idMatcher } from '../../src/suite/filter.js';

describe('idMatcher', () => {
  test.each([
    ['letters-*', 'letters-001', true],
    ['letters-*', 'arith-001', false],
    ['arith-0[0-2]?', 'arith-017', true],
    ['arith-0[0-2]?', 'arith-031', false],
    ['arith-0[!0]?', 'arith-031', true],
    ['a.b', 'axb', false],
    ['a.b', 'a.b', true],
    ['case?', 'case1', true],
    ['HumanEval/1*', 'HumanEval/12', true],
    ['test/algebra/**', 'test/algebra/824.json', true],
    ['test/*', 'test/algebra/824.json', false],
    ['{add,sub}-1', 'sub-1', true],
  ])('%s on %s: %s', (glob, id, matches) => {
    expect(idMatcher(glob)(id)).toBe(matches);
  });
});
