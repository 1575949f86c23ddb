import { describe, expect, test } from 'vitest';
import { tallyVotes, voteCredit } from '../../src/score/vote.js';

describe('tallyVotes', () => {
  test('the most common answer wins; no-answers abstain', () => {
    const tally = tallyVotes(['3', null, '2', '3', null, null, null]);
    expect(tally).toEqual({ votes: { '3': 2, '2': 1 }, winner: '3', tied: ['3'], margin: 1 / 3, agreement: 2 / 3 });
  });

  test('no answer can never win, even when most samples give none', () => {
    expect(tallyVotes([null, null, '7']).winner).toBe('7');
    expect(tallyVotes([null, null]).winner).toBeNull();
  });

  test('ties go to the answer given first in sample order, and are flagged', () => {
    const tally = tallyVotes(['9.11', '9.8', '9.8', '9.11']);
    expect(tally.winner).toBe('9.11');
    expect(tally.tied).toEqual(['9.11', '9.8']);
    expect(tally.margin).toBe(0);
  });
});

describe('voteCredit', () => {
  const right = (a: string) => a === '9.8';
  test.each([
    [['9.8', '9.8', '9.11'], 1],
    [['9.11', '9.11', '9.8'], 0],
    [['9.11', '9.8'], 0.5],
    [['9.11', '9.8', '9.8', '9.11', '1', '1'], 1 / 3],
    [[null, null], 0],
  ] as const)('%j earns %d', (answers, credit) => {
    expect(voteCredit(tallyVotes(answers), right)).toBeCloseTo(credit);
  });
});
