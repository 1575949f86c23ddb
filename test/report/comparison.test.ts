import { describe, expect, test } from 'vitest';
import { compareResults } from '../../src/compare/compare.js';
import { renderComparison } from '../../src/report/comparison.js';
import { ids, makeResult, right, wrong } from '../compare/factory.js';

const all = ids(10);
const base = { file: 'base.json', result: makeResult(all.map((id) => right(id))) };
const cand = { file: 'cand.json', result: makeResult(all.map((id, i) => (i < 2 ? { id, answers: ['\u001b]0;pwned\u0007', '41', '\u001b]0;pwned\u0007'] } : right(id)))) };
const third = { file: 'third.json', result: makeResult(all.map((id, i) => (i === 9 ? wrong(id) : right(id))), { params: { temperature: 1 } }) };

describe('renderComparison', () => {
  test('two files: figures, paired test, verdict and the changed cases with answers and votes', () => {
    const text = renderComparison(compareResults(base, [cand], { alpha: 0.05 }), { color: false });
    expect(text).toMatch(/^base {7}base\.json \(model-a, suite unit\)\ncandidate {2}cand\.json \(model-a\)/);
    expect(text).toMatch(/accuracy +100\.0% +80\.0% +-20\.0 pp/);
    expect(text).toContain('Paired on 10 shared cases: 2 newly failing, 0 newly passing; McNemar exact p = 0.5000; accuracy delta 95% CI');
    expect(text).toContain('Verdict: no significant change (McNemar p = 0.5000).');
    expect(text).toMatch(/Newly failing in cand\.json \(2\)\ncase +before \(majority, votes\) +after/);
    expect(text).toContain('c01   42 (42×3)                 \\x1b]0;pwned\\x07 (\\x1b]0;pwne…×2, 41×1)');
    expect(text).toContain('accuracy delta 95% CI [-40.0, 0.0] pp');
    expect(text).toContain('Cost is not computed');
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
    expect(text).toMatch(/cand\.json +-20\.0 pp +\[.*\] pp +-\d+\.\d pp +2\/0 +0\.5000/);
    expect(text).toContain('cand.json newly failing (2): c01, c02');
    expect(text).toContain('third.json newly failing (1): c10');
    expect(text).toMatch(/warning: Request params differ: \{"reasoning_effort":"medium"\} in base\.json, \{"temperature":1\} in third\.json/);
  });

  test('a warning about the base is printed once, however many candidates', () => {
    const partial = { file: 'partial.json', result: makeResult(all.map((id) => right(id)), { complete: false }) };
    const text = renderComparison(compareResults(partial, [base, cand], { alpha: 0.05 }), { color: false });
    expect(text.split('partial.json is incomplete')).toHaveLength(2);
  });
});
