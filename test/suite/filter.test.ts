import { describe, expect, test } from 'vitest';
import { globToRegExp } from '../../src/suite/filter.js';

describe('globToRegExp', () => {
  test.each([
    ['letters-*', 'letters-001', true],
    ['letters-*', 'arith-001', false],
    ['arith-0[0-2]?', 'arith-017', true],
    ['arith-0[0-2]?', 'arith-031', false],
    ['arith-0[!0]?', 'arith-031', true],
    ['a.b', 'axb', false],
    ['a.b', 'a.b', true],
    ['case?', 'case1', true],
    ['[bad', '[bad', true],
  ])('%s on %s: %s', (glob, id, matches) => {
    expect(globToRegExp(glob).test(id)).toBe(matches);
  });
});
