import { describe, expect, test } from 'vitest';
import { compareResults } from '../../src/compare/compare.js';
import { escapeMarkdown, renderComparisonMarkdown } from '../../src/report/markdown.js';
import { ids, makeResult, right, wrong } from '../compare/factory.js';

const all = ids(30);
const base = { file: 'baselines/base.json', result: makeResult(all.map((id) => right(id))) };
const worse = {
  file: 'results/cand.json',
  result: makeResult(
    all.map((id, i) => (i < 9 ? right(id) : wrong(id))),
    { samples: 5 },
  ),
};

/** The markdown table that starts with this header row, as rows of cells. */
function tableAfter(markdown: string, header: string): string[][] {
  const lines = markdown.split('\n');
  const start = lines.findIndex((l) => l.startsWith(header));
  expect(start).toBeGreaterThanOrEqual(0);
  const rows: string[][] = [];
  for (const line of lines.slice(start)) {
    if (!line.startsWith('|')) break;
    rows.push(line.slice(2, -2).split(/ (?<!\\)\| /));
  }
  return rows;
}

describe('renderComparisonMarkdown', () => {
  const markdown = renderComparisonMarkdown(compareResults(base, [worse], { alpha: 0.05, gates: { failOnRegression: true } }));

  test('opens with a headline carrying the verdict', () => {
    const first = markdown.split('\n')[0]!;
    expect(first).toMatch(
      /^### ❌ thinkbench: `results\/cand\.json` vs `baselines\/base\.json`: significantly worse \(pass1, sign-flip p = 1\.0e-4 < 0\.05\) — gate failed$/,
    );
    expect(markdown.split('\n')[2]).toBe(
      'pass1 30.0% vs 100.0% (-70.0 pp, 95% CI [-87.5, -53.3] pp); accuracy 30.0% vs 100.0% (-70.0 pp, 95% CI [-84.2, -47.0] pp) on 30 paired cases; 21 newly failing, 0 newly passing.',
    );
    expect(markdown).toContain('**Gate failed:** results/cand.json is significantly worse');
  });

  test('has a figures table base vs candidate with deltas and the p-value', () => {
    const rows = tableAfter(markdown, '|  | base | candidate | Δ |');
    expect(rows[1]).toEqual(['---', '---:', '---:', '---:']);
    const byMetric = Object.fromEntries(rows.slice(2).map((r) => [r[0], r.slice(1)]));
    expect(byMetric.accuracy).toEqual(['100.0%', '30.0%', '-70.0 pp (95% CI [-84.2, -47.0] pp)']);
    expect(byMetric['pass1 (the gate)']).toEqual(['100.0%', '30.0%', '-70.0 pp (95% CI [-87.5, -53.3] pp, p = 1.0e-4)']);
    expect(Object.keys(byMetric)).toEqual([
      'model',
      'accuracy',
      'pass1 (the gate)',
      'total tokens',
      'reasoning tokens',
      'latency p50',
      'majority flips, McNemar exact p (30 paired cases)',
      'coverage',
    ]);
    expect(byMetric['majority flips, McNemar exact p (30 paired cases)']).toEqual(['21 newly failing', '0 newly passing', 'p = 9.5e-7']);
    // The base ran 3 samples a case, the candidate 3 too (samples: 5 is only the setting): full coverage.
    expect(byMetric.coverage).toEqual(['90 samples', '90 samples', '100.0%']);
  });

  test('lists changed cases in a table', () => {
    const rows = tableAfter(markdown, '| case | change |');
    expect(rows).toHaveLength(2 + 21);
    expect(rows[2]).toEqual(['`c10`', '❌ newly failing', '42 (42×3)', '41 (41×3)', '100.0% → 0.0%']);
    expect(markdown).toContain('pass1 fell on 21 of 30 cases, largest first: c10 (100.0% → 0.0%)');
  });

  test('puts warnings in a blockquote', () => {
    const quote = markdown.split('\n').filter((l) => l.startsWith('>'));
    expect(quote[0]).toBe('> ⚠️ **Warnings**');
    expect(quote.join('\n')).toMatch(/> - Samples per case differ: 3 in baselines\/base\.json, 5 in results\/cand\.json/);
  });

  test('no change reads as such, with no changed-case table and no warnings', () => {
    const same = renderComparisonMarkdown(compareResults(base, [base], { alpha: 0.05 }));
    expect(same.split('\n')[0]).toMatch(/^### ✅ .*: no significant change \(pass1, sign-flip p = 1\.0000\)$/);
    expect(same).not.toContain('pass1 fell');
    expect(same).not.toContain('Changed cases');
    expect(same).not.toContain('> ');
  });

  test('several candidates get a leaderboard and a pairwise table', () => {
    const third = { file: 'results/third.json', result: makeResult(all.map((id, i) => (i < 29 ? right(id) : wrong(id)))) };
    const md = renderComparisonMarkdown(compareResults(base, [worse, third], { alpha: 0.05 }));
    expect(md.split('\n')[0]).toBe('### 🔻 thinkbench: 2 candidates vs `baselines/base.json`: 1 significantly worse');
    const board = tableAfter(md, '| # | file |');
    expect(board.slice(2).map((r) => r[0])).toEqual(['1 🏆', '2', '3']);
    expect(board[2]![1]).toBe('baselines/base.json');
    const pairwise = tableAfter(md, '| candidate | pass1 Δ | 95% CI | sign-flip p | accuracy Δ | 95% CI |');
    expect(pairwise.slice(2).map((r) => r[0])).toEqual(['`results/cand.json`', '`results/third.json`']);
    expect(tableAfter(md, '| candidate | case |')).toHaveLength(2 + 22);
  });

  test('model answers cannot break the table, inject HTML or mention anyone', () => {
    const b = { file: 'b.json', result: makeResult([right('x')]) };
    const c = { file: 'c.json', result: makeResult([{ id: 'x', answers: ['a|b <img src=x> @alice `code` [l](u) \u001b[2J\nnext', '41', '41'] }]) };
    const md = renderComparisonMarkdown(compareResults(b, [c], { alpha: 0.05 }));
    const row = tableAfter(md, '| case | change |')[2]!;
    expect(row).toHaveLength(5);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('\u001b');
    expect(md).not.toMatch(/@alice/);
  });
});

describe('renderComparisonMarkdown: small suites', () => {
  test('the small-suite sentence comes right after the headline, and intervals say "too few cases"', () => {
    const four = ids(4);
    const small = { file: 'o1.json', result: makeResult(four.map((id) => right(id))) };
    const none = { file: 'none.json', result: makeResult(four.map((id) => wrong(id))) };
    const md = renderComparisonMarkdown(compareResults(small, [none], { alpha: 0.05, gates: { failOnRegression: true } }));
    const blocks = md.split('\n\n');
    expect(blocks[0]).toMatch(/^### ❌ .*: too few cases for the paired test \(4 paired, it needs 6 to reach p < 0\.05\) — gate failed$/);
    expect(blocks[2]).toMatch(/^> ⚠️ Small suite: none\.json pairs 4 cases/);
    expect(blocks[3]).toMatch(/^\*\*Gate failed:\*\* none\.json has 4 cases newly failing/);
    expect(md).toContain('95% CI: too few cases');
    expect(md).not.toMatch(/-100\.0, -100\.0/);
  });
});

describe('escapeMarkdown', () => {
  test.each([
    ['plain text 3.5', 'plain text 3.5'],
    ['a|b', 'a\\|b'],
    ['*x* _y_ `z` ~w~ [l]', '\\*x\\* \\_y\\_ \\`z\\` \\~w\\~ \\[l\\]'],
    ['<b>&amp;', '&lt;b&gt;&amp;amp;'],
    ['C:\\path', 'C:\\\\path'],
    ['@bob', '@\u200bbob'],
  ])('%j', (input, expected) => {
    expect(escapeMarkdown(input)).toBe(expected);
  });
});
