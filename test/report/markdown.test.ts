import { describe, expect, test } from 'vitest';
import { compareResults } from '../../src/compare/compare.js';
import { escapeMarkdown, renderComparisonMarkdown } from '../../src/report/markdown.js';
import { ids, makeResult, right, wrong } from '../compare/factory.js';

const all = ids(30);
const base = { file: 'baselines/base.json', result: makeResult(all.map((id) => right(id))) };
const worse = { file: 'results/cand.json', result: makeResult(all.map((id, i) => (i < 9 ? right(id) : wrong(id))), { samples: 5 }) };

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
    expect(first).toMatch(/^### ❌ thinkbench: `results\/cand\.json` vs `baselines\/base\.json`: significantly worse \(McNemar p = 9\.5e-7 < 0\.05\) — gate failed$/);
    expect(markdown).toContain('**Gate failed:** results/cand.json is significantly worse');
  });

  test('has a figures table base vs candidate with deltas and the p-value', () => {
    const rows = tableAfter(markdown, '|  | base | candidate | Δ |');
    expect(rows[1]).toEqual(['---', '---:', '---:', '---:']);
    const byMetric = Object.fromEntries(rows.slice(2).map((r) => [r[0], r.slice(1)]));
    expect(byMetric.accuracy).toEqual(['100.0%', '30.0%', '-70.0 pp (95% CI [-86.7, -53.3] pp)']);
    expect(Object.keys(byMetric)).toEqual(['model', 'accuracy', 'pass1', 'total tokens', 'reasoning tokens', 'latency p50', 'McNemar exact p (30 paired cases)']);
    expect(byMetric['McNemar exact p (30 paired cases)']).toEqual(['21 newly failing', '0 newly passing', 'p = 9.5e-7']);
  });

  test('lists changed cases in a table', () => {
    const rows = tableAfter(markdown, '| case | change |');
    expect(rows).toHaveLength(2 + 21);
    expect(rows[2]).toEqual(['`c10`', '❌ newly failing', '42 (42×3)', '41 (41×3)']);
  });

  test('puts warnings in a blockquote', () => {
    const quote = markdown.split('\n').filter((l) => l.startsWith('>'));
    expect(quote[0]).toBe('> ⚠️ **Warnings**');
    expect(quote.join('\n')).toMatch(/> - Samples per case differ: 3 in baselines\/base\.json, 5 in results\/cand\.json/);
  });

  test('no change reads as such, with no changed-case table and no warnings', () => {
    const same = renderComparisonMarkdown(compareResults(base, [base], { alpha: 0.05 }));
    expect(same.split('\n')[0]).toMatch(/^### ✅ .*: no significant change \(McNemar p = 1\.0000\)$/);
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
    const pairwise = tableAfter(md, '| candidate | accuracy Δ |');
    expect(pairwise.slice(2).map((r) => r[0])).toEqual(['`results/cand.json`', '`results/third.json`']);
    expect(tableAfter(md, '| candidate | case |')).toHaveLength(2 + 22);
  });

  test('model answers cannot break the table, inject HTML or mention anyone', () => {
    const b = { file: 'b.json', result: makeResult([right('x')]) };
    const c = { file: 'c.json', result: makeResult([{ id: 'x', answers: ['a|b <img src=x> @alice `code` [l](u) \u001b[2J\nnext', '41', '41'] }]) };
    const md = renderComparisonMarkdown(compareResults(b, [c], { alpha: 0.05 }));
    const row = tableAfter(md, '| case | change |')[2]!;
    expect(row).toHaveLength(4);
    expect(md).not.toContain('<img');
    expect(md).not.toContain('\u001b');
    expect(md).not.toMatch(/@alice/);
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
