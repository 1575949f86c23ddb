// Tests for replaying saved samples under the stopping rule, the run summary, and the runner's certificate.
import { describe, expect, test } from 'vitest';
import { AdaptiveCertificate, certifyStop, countVotes } from '../../src/adaptive/certificate.js';
import { replayCase, summarizeReplay } from '../../src/adaptive/replay.js';

const seq = (text: string): (string | null)[] => [...text].map((c) => (c === '-' ? null : c));

describe('replayCase', () => {
  test.each([
    // answers, options, samplesUsed, decided, stoppedWinner, fullWinner
    ['aaaaaaaaaa', {}, 4, true, 'a', 'a'],
    ['baaaaaaaaaaa', {}, 7, true, 'a', 'a'],
    ['abaaaaaaaaaa', {}, 7, true, 'a', 'a'],
    ['bbaaaaaaaaaaaa', {}, 10, true, 'a', 'a'],
    ['a-aa-a', {}, 6, true, 'a', 'a'],
    ['a-a-a-', {}, 6, false, 'a', 'a'],
    ['a-a-a-a', {}, 7, true, 'a', 'a'],
    ['aaaaaaaa', { minSamples: 6 }, 6, true, 'a', 'a'],
    ['aaaaaaaa', { maxSamples: 3 }, 3, false, 'a', 'a'],
    ['aaaabbbbbbbbbb', {}, 4, true, 'a', 'b'],
    ['ababababab', {}, 10, false, 'a', 'a'],
    ['------', {}, 6, false, null, null],
    ['', {}, 0, false, null, null],
  ] as const)('%s with %j stops after %i (decided %s), vote %s vs full %s', (text, options, used, decided, stopped, full) => {
    const replay = replayCase(seq(text), options);
    expect(replay).toMatchObject({ samplesUsed: used, samplesTotal: text.length, stoppedWinner: stopped, fullWinner: full });
    expect(replay.certificate.decided).toBe(decided);
    expect(replay.agrees).toBe(stopped === full);
    expect(AdaptiveCertificate.parse(replay.certificate)).toEqual(replay.certificate);
  });

  test('the certificate counts the prefix it stopped on, with the posterior there', () => {
    const replay = replayCase(seq('bab-aaaaaaaaa'));
    expect(replay.certificate).toEqual({ samplesUsed: 11, counts: { b: 2, a: 8 }, confidence: expect.any(Number), decided: true });
    expect(replay.certificate.confidence).toBeCloseTo(1 - 67 / 2048, 12);
  });
});

describe('summarizeReplay', () => {
  test('adds samples, the saving factor, the mean ratio and the changed votes', () => {
    const replays = ['aaaaaaaa', 'aaaabbbbbbbb', 'abababab', ''].map((t) => replayCase(seq(t)));
    expect(summarizeReplay(replays)).toEqual({
      cases: 4,
      samplesUsed: 4 + 4 + 8,
      samplesTotal: 28,
      savingFactor: 28 / 16,
      meanRatio: (0.5 + 4 / 12 + 1) / 3,
      decided: 2,
      changedVotes: 1,
    });
  });

  test('an empty run saves nothing', () => {
    expect(summarizeReplay([])).toMatchObject({ cases: 0, savingFactor: 1, meanRatio: 1, changedVotes: 0 });
  });
});

describe('certifyStop', () => {
  test.each([
    ['aaa', {}, null],
    ['aaaa', {}, { samplesUsed: 4, counts: { a: 4 }, decided: true }],
    ['aa-a', {}, null],
    ['ab', { maxSamples: 2 }, { samplesUsed: 2, counts: { a: 1, b: 1 }, confidence: 0.5, decided: false }],
  ] as const)('%s with %j -> %j', (text, options, expected) => {
    const certificate = certifyStop(seq(text), options);
    if (expected === null) expect(certificate).toBeNull();
    else expect(certificate).toMatchObject(expected);
  });

  test('answers that look like object keys count as plain answers', () => {
    expect(countVotes(['__proto__', '__proto__', 'constructor', null])).toEqual(
      Object.fromEntries([
        ['__proto__', 2],
        ['constructor', 1],
      ]),
    );
    expect(Object.keys(countVotes(['__proto__']))).toEqual(['__proto__']);
  });
});
