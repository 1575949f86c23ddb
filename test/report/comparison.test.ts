import { describe, expect, test } from 'vitest';
import { compareResults } from '../../src/compare/compare.js';
import { renderComparison } from '../../src/report/comparison.js';
import { ids, makeResult, right, wrong } from '../compare/factory.js';

const all = ids(10);
const base = { file: 'base.json', result: makeResult(all.map((id) => right(id))) };
const cand = {
  file: 'cand.json',
  result: makeResult(all.map((id, i) => (i < 2 ? { id, answers: ['\u001b]0;pwned\u0007', '41', '\u001b]0;pwned\u0007'] } : right(id)))),
};
const third = {
  file: 'third.json',
  result: makeResult(
    all.map((id, i) => (i === 9 ? wrong(id) : right(id))),
    { params: { temperature: 1 } },
  ),
};

describe('renderComparison', () => {
  test('two files: figures, paired test, verdict and the changed cases with answers and votes', () => {
    const text = renderComparison(compareResults(base, [cand], { alpha: 0.05 }), { color: false });
    expect(text).toMatch(/^base {7}base\.json \(model-a, suite unit\)\ncandidate {2}cand\.json \(model-a\)/);
    expect(text).toMatch(/accuracy +100\.0% +80\.0% +-20\.0 pp/);
    expect(text).toContain(
      'Paired test (the gate): pass1 -20.0 pp, 95% CI [-50.0, 0.0] pp for a new draw of cases; sign-flip permutation p = 0.5000 (exact over 1,024 sign flips, 10 cases).',
    );
    expect(text).toContain(
      'Majority vote: 2 newly failing, 0 newly passing (McNemar exact p = 0.5000); accuracy -20.0 pp, 95% CI [-47.9, +14.6] pp for a new draw of cases.',
    );
    expect(text).toContain('Verdict: no significant change (pass1, sign-flip p = 0.5000).');
    expect(text).toMatch(/Newly failing in cand\.json \(2\)\ncase +before \(majority, votes\) +after \(majority, votes\) +pass1/);
    expect(text).toContain('c01   42 (42×3)                 \\x1b]0;pwned\\x07 (\\x1b]0;pwne…×2, 41×1)  100.0% → 0.0%');
    expect(text).toContain('pass1 fell on 2 of 10 cases, largest first: c01 (100.0% → 0.0%), c02 (100.0% → 0.0%); rose on 0.');
    expect(text).not.toContain('Small suite');
    expect(text).toContain('Cost: unknown for a run without a price');
  });

  test('model output never reaches the terminal raw, and colour is off unless asked for', () => {
    const plain = renderComparison(compareResults(base, [cand, third], { alpha: 0.05 }), { color: false });
    expect(plain).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    const coloured = renderComparison(compareResults(base, [cand], { alpha: 0.05 }), { color: true });
    expect(coloured).toContain('\u001b[31mNewly failing in cand.json (2)\u001b[0m');
    // The only escape sequences are our own colour codes.
    expect(coloured.replace(/\u001b\[\d+m/g, '')).not.toContain('\u001b');
  });

  test('three files: leaderboard with the best marked, compact pairwise rows, ids of changed cases, warnings', () => {
    const text = renderComparison(compareResults(base, [cand, third], { alpha: 0.05 }), { color: false });
    expect(text).toMatch(/Leaderboard \(3 files, \* best accuracy\)\n +# +file +model +accuracy +95% CI +pass1 +maj@k +tokens\/correct +latency p50/);
    expect(text).toMatch(/\n1\* +base\.json +model-a +100\.0%/);
    expect(text).toMatch(/\n 2 +third\.json/);
    expect(text).toMatch(/\ncandidate +pass1 Δ +CI +sign-flip p +accuracy Δ +95% CI +b\/c +McNemar p/);
    expect(text).toMatch(/cand\.json +-20\.0 pp +\[-50\.0, 0\.0\] pp +0\.5000 +-20\.0 pp +\[.*\] pp +2\/0 +0\.5000/);
    expect(text).toContain('cand.json newly failing (2): c01, c02');
    expect(text).toContain('third.json newly failing (1): c10');
    expect(text).toMatch(/warning: Request params differ: \{"reasoning_effort":"medium"\} in base\.json, \{"temperature":1\} in third\.json/);
  });

  test('a small suite says so first, with "too few cases" for its intervals', () => {
    const four = ids(4);
    const small = { file: 'o1.json', result: makeResult(four.map((id) => right(id))) };
    const none = { file: 'none.json', result: makeResult(four.map((id) => wrong(id))) };
    const text = renderComparison(compareResults(small, [none], { alpha: 0.05 }), { color: false });
    expect(text.split('\n')[0]).toBe(
      'Small suite: none.json pairs 4 cases with the base, and with fewer than 6 no paired test can reach p < 0.05; --fail-on-regression instead fails on any newly failing case (or on more than --max-regressions).',
    );
    expect(text).toContain('pass1 -100.0 pp, 95% CI: too few cases; sign-flip permutation p = 0.1250');
    expect(text).toContain('accuracy -100.0 pp, 95% CI: too few cases.');
    expect(text).toContain('Verdict: too few cases for the paired test (4 paired, it needs 6 to reach p < 0.05).');
    expect(text).not.toMatch(/\[-100\.0, -100\.0\]/);
  });

  test('a leaderboard row from one case says "too few cases" instead of a point interval', () => {
    const one = { file: 'one.json', result: makeResult([right('x')]) };
    const text = renderComparison(compareResults(one, [one, one], { alpha: 0.05 }), { color: false });
    expect(text).toMatch(/\n1\* +one\.json +model-a +100\.0% +too few cases +100\.0%/);
  });

  test('a warning about the base is printed once, however many candidates', () => {
    const partial = {
      file: 'partial.json',
      result: makeResult(
        all.map((id) => right(id)),
        { complete: false },
      ),
    };
    const text = renderComparison(compareResults(partial, [base, cand], { alpha: 0.05 }), { color: false });
    expect(text.split('partial.json is incomplete')).toHaveLength(2);
  });
});
