// The comparison as GitHub-flavoured markdown for a PR comment or $GITHUB_STEP_SUMMARY. Returns a string.
import type { CaseChange, Comparison, PairwiseComparison } from '../compare/compare.js';
import {
  ciPhrase,
  costNote,
  count,
  countDelta,
  durationDelta,
  formatDuration,
  formatP,
  levelText,
  pass1Line,
  pass1Move,
  pct,
  pp,
  ppInterval,
  sideText,
  smallSuiteText,
  verdictText,
} from './compare-format.js';
import { LEADERBOARD_HEADER, LEADERBOARD_NUMERIC, leaderboardCells } from './leaderboard.js';
import { cell, sanitize } from './sanitize.js';

const CHANGES_SHOWN = 100;

/** Headline with the verdict, figures table, changed cases, warnings as a blockquote. */
export function renderComparisonMarkdown(comparison: Comparison): string {
  const blocks = [headline(comparison)];
  // Right under the title: a small suite changes what the gate does.
  const small = comparison.candidates.filter((c) => c.smallSuite).map((c) => `> ⚠️ ${escapeMarkdown(sanitize(smallSuiteText(c, comparison.alpha)))}`);
  if (small.length) blocks.push(small.join('\n>\n'));
  const gates = comparison.candidates.flatMap((c) => c.gateFailures);
  if (gates.length) blocks.push(gates.map((g) => `**Gate failed:** ${escapeMarkdown(sanitize(g))}`).join('\n\n'));
  if (comparison.leaderboard) {
    const rows = leaderboardCells(comparison.leaderboard, escapeMarkdown, ' 🏆');
    blocks.push(`#### Leaderboard\n\n${markdownTable(LEADERBOARD_HEADER, rows, LEADERBOARD_NUMERIC)}`);
    blocks.push(`#### Against the base \`${code(comparison.base.file)}\`\n\n${pairwiseTable(comparison)}`);
  } else {
    const only = comparison.candidates[0];
    if (only) blocks.push(figuresTable(comparison, only));
  }
  const pass1 = comparison.candidates.filter((c) => c.pass1Fell.length || c.pass1Rose.length);
  if (pass1.length)
    blocks.push(pass1.map((c) => `${several(comparison) ? `\`${code(c.file)}\`: ` : ''}${escapeMarkdown(sanitize(pass1Line(c)))}`).join('\n\n'));
  const changes = changesTable(comparison);
  if (changes) blocks.push(`#### Changed cases\n\n${changes}`);
  blocks.push(
    `<sub>${[...new Set(comparison.candidates.map(costNote))].join(' ')} The gate: a paired sign-flip permutation test on per-case pass1 (exact up to 16 cases, else ${count(comparison.resamples)} seeded random flips), ` +
      "with the interval it inverts to; intervals are for a new draw of cases. Majority flips use each case's credit (a tie earns its share of correct answers), with McNemar's exact test as an extra figure.</sub>",
  );
  const warnings = [...new Set(comparison.candidates.flatMap((c) => c.warnings))];
  if (warnings.length) blocks.push(['> ⚠️ **Warnings**', '>', ...warnings.map((w) => `> - ${escapeMarkdown(cell(w, 2000))}`)].join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function headline(comparison: Comparison): string {
  const { candidates, base } = comparison;
  const failed = candidates.filter((c) => c.gateFailures.length);
  const worse = candidates.filter((c) => c.verdict === 'worse');
  const better = candidates.filter((c) => c.verdict === 'better');
  const icon = failed.length ? '❌' : worse.length ? '🔻' : '✅';
  const only = candidates.length === 1 ? candidates[0] : undefined;
  if (only) {
    const gate = failed.length ? ' — gate failed' : '';
    return (
      `### ${icon} thinkbench: \`${code(only.file)}\` vs \`${code(base.file)}\`: ${verdictText(only, comparison.alpha)}${gate}\n\n` +
      `pass1 ${pct(only.pass1.candidate)} vs ${pct(only.pass1.base)} (${pp(only.pass1.delta)}, ${ciPhrase(only.test.level, only.test.interval)}); ` +
      `accuracy ${pct(only.accuracy.candidate)} vs ${pct(only.accuracy.base)} (${pp(only.accuracy.delta)}, ${ciPhrase(0.95, only.ci95Delta)}) ` +
      `on ${only.pairedCases} paired cases; ${only.regressed.length} newly failing, ${only.improved.length} newly passing.`
    );
  }
  const parts = [
    failed.length ? `${failed.length} of ${candidates.length} candidates ${failed.length === 1 ? 'fails' : 'fail'} the gate` : '',
    worse.length ? `${worse.length} significantly worse` : '',
    better.length ? `${better.length} significantly better` : '',
  ].filter(Boolean);
  return `### ${icon} thinkbench: ${candidates.length} candidates vs \`${code(base.file)}\`: ${parts.length ? parts.join(', ') : 'no significant change'}`;
}

function figuresTable(comparison: Comparison, c: PairwiseComparison): string {
  const rows = [
    ['model', escapeMarkdown(cell(comparison.base.model, 40)), escapeMarkdown(cell(c.model, 40)), ''],
    ['accuracy', pct(c.accuracy.base), pct(c.accuracy.candidate), `${pp(c.accuracy.delta)} (${ciPhrase(0.95, c.ci95Delta)})`],
    [
      'pass1 (the gate)',
      pct(c.pass1.base),
      pct(c.pass1.candidate),
      `${pp(c.pass1.delta)} (${ciPhrase(c.test.level, c.test.interval)}, p = ${formatP(c.test.pValue)})`,
    ],
    ['total tokens', count(c.totalTokens.base), count(c.totalTokens.candidate), countDelta(c.totalTokens)],
    ['reasoning tokens', count(c.reasoningTokens.base), count(c.reasoningTokens.candidate), countDelta(c.reasoningTokens)],
    ['latency p50', formatDuration(c.latencyP50Ms.base), formatDuration(c.latencyP50Ms.candidate), durationDelta(c.latencyP50Ms)],
    [
      `majority flips, McNemar exact p (${c.pairedCases} paired cases)`,
      `${c.mcnemar.b} newly failing`,
      `${c.mcnemar.c} newly passing`,
      `p = ${formatP(c.mcnemar.pValue)}`,
    ],
    ['coverage', `${count(c.coverage.baseSamples)} samples`, `${count(c.coverage.candidateSamples)} samples`, pct(c.coverage.share)],
  ];
  return markdownTable(['', 'base', 'candidate', 'Δ'], rows, new Set([1, 2, 3]));
}

function pairwiseTable(comparison: Comparison): string {
  const header = [
    'candidate',
    'pass1 Δ',
    `${levelText(1 - comparison.alpha)} CI`,
    'sign-flip p',
    'accuracy Δ',
    '95% CI',
    'newly failing',
    'newly passing',
    'McNemar p',
    'tokens Δ',
    'latency p50 Δ',
    'verdict',
  ];
  const rows = comparison.candidates.map((c) => [
    `\`${code(c.file)}\``,
    pp(c.pass1.delta),
    ppInterval(c.test.interval),
    formatP(c.test.pValue),
    pp(c.accuracy.delta),
    ppInterval(c.ci95Delta),
    String(c.mcnemar.b),
    String(c.mcnemar.c),
    formatP(c.mcnemar.pValue),
    countDelta(c.totalTokens),
    durationDelta(c.latencyP50Ms),
    `${c.gateFailures.length ? '❌ ' : ''}${c.verdict.replaceAll('_', ' ')}`,
  ]);
  return markdownTable(header, rows, new Set([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
}

function several(comparison: Comparison): boolean {
  return comparison.candidates.length > 1;
}

function changesTable(comparison: Comparison): string {
  const several = comparison.candidates.length > 1;
  const all = comparison.candidates.flatMap((c) => [
    ...c.regressed.map((ch) => ({ file: c.file, change: ch, label: '❌ newly failing' })),
    ...c.improved.map((ch) => ({ file: c.file, change: ch, label: '✅ newly passing' })),
  ]);
  if (!all.length) return '';
  const row = (file: string, ch: CaseChange, label: string) => [
    ...(several ? [`\`${code(file)}\``] : []),
    `\`${code(ch.id)}\``,
    label,
    escapeMarkdown(sideText(ch.before)),
    escapeMarkdown(sideText(ch.after)),
    pass1Move(ch),
  ];
  const header = [...(several ? ['candidate'] : []), 'case', 'change', 'before (majority, votes)', 'after (majority, votes)', 'pass1'];
  const table = markdownTable(
    header,
    all.slice(0, CHANGES_SHOWN).map((x) => row(x.file, x.change, x.label)),
  );
  return all.length > CHANGES_SHOWN ? `${table}\n\n…and ${all.length - CHANGES_SHOWN} more (run with \`--format json\` for all).` : table;
}

/** A GFM table; `right` lists the columns to align right. Cells must already be escaped. */
export function markdownTable(header: readonly string[], rows: readonly string[][], right: ReadonlySet<number> = new Set()): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map((_, i) => (right.has(i) ? '---:' : '---'))), ...rows.map(line)].join('\n');
}

/**
 * Makes sanitised text inert in markdown: punctuation that would format or break a table cell is
 * backslash-escaped, HTML is entity-escaped, and @mentions are broken so a model answer pings nobody.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`)
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/@/g, '@\u200b');
}

// Inside a code span only backticks and pipes matter (a pipe would still split a table cell).
function code(text: string): string {
  return cell(text, 80).replace(/`/g, "'").replace(/\|/g, '\\|');
}
