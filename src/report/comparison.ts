// The comparison for a terminal: figures base vs candidate, paired test, changed cases, warnings. Returns a string.
import type { CaseChange, Comparison, PairwiseComparison } from '../compare/compare.js';
import {
  costNote,
  count,
  countDelta,
  durationDelta,
  flipsText,
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
  testText,
  verdictText,
} from './compare-format.js';
import { LEADERBOARD_HEADER, LEADERBOARD_NUMERIC, leaderboardCells } from './leaderboard.js';
import { cell, sanitize } from './sanitize.js';
import { renderTable } from './table.js';

const CHANGES_SHOWN = 50;
const ANSI = { red: 31, green: 32, yellow: 33, bold: 1 } as const;

/** The whole comparison as text; `color` adds ANSI colours (only for a terminal that wants them). */
export function renderComparison(comparison: Comparison, options: { color: boolean }): string {
  const paint = (text: string, style: keyof typeof ANSI) => (options.color ? `\u001b[${ANSI[style]}m${text}\u001b[0m` : text);
  const sections: string[] = comparison.leaderboard
    ? [renderLeaderboard(comparison, paint), renderPairwiseSummary(comparison, paint), renderChangedIds(comparison, paint)]
    : comparison.candidates.map((c) => renderPair(comparison, c, paint));
  // A warning about the base alone would repeat once per candidate.
  const warnings = [...new Set(comparison.candidates.flatMap((c) => c.warnings))].map((w) => paint(`warning: ${sanitize(w)}`, 'yellow'));
  // The small-suite sentence opens the report: it changes what the gate does.
  const small = comparison.candidates.filter((c) => c.smallSuite).map((c) => paint(sanitize(smallSuiteText(c, comparison.alpha)), 'yellow'));
  // Gate failures are not repeated here: the command reports them on stderr as the error it exits with.
  return [
    ...(small.length ? [small.join('\n')] : []),
    ...sections.filter(Boolean),
    ...new Set(comparison.candidates.map(costNote)),
    ...(warnings.length ? [warnings.join('\n')] : []),
  ].join('\n\n');
}

type Paint = (text: string, style: keyof typeof ANSI) => string;

function renderPair(comparison: Comparison, c: PairwiseComparison, paint: Paint): string {
  const { base } = comparison;
  const rows = [
    ['accuracy', pct(c.accuracy.base), pct(c.accuracy.candidate), pp(c.accuracy.delta)],
    ['pass1', pct(c.pass1.base), pct(c.pass1.candidate), pp(c.pass1.delta)],
    ['total tokens', count(c.totalTokens.base), count(c.totalTokens.candidate), countDelta(c.totalTokens)],
    ['reasoning tokens', count(c.reasoningTokens.base), count(c.reasoningTokens.candidate), countDelta(c.reasoningTokens)],
    ['latency p50', formatDuration(c.latencyP50Ms.base), formatDuration(c.latencyP50Ms.candidate), durationDelta(c.latencyP50Ms)],
  ];
  const lines = [
    `base       ${sanitize(base.file)} (${cell(base.model, 40)}, suite ${cell(base.suite, 40)})`,
    `candidate  ${sanitize(c.file)} (${cell(c.model, 40)})`,
    '',
    renderTable(['', 'base', 'candidate', 'delta'], rows, new Set([1, 2, 3])),
    '',
    testText(c),
    flipsText(c),
    paintVerdict(`Verdict: ${verdictText(c, comparison.alpha)}.`, c, paint),
  ];
  return [lines.join('\n'), renderChanges(c, paint)].filter(Boolean).join('\n\n');
}

function renderLeaderboard(comparison: Comparison, paint: Paint): string {
  const rows = comparison.leaderboard ?? [];
  const table = renderTable(
    LEADERBOARD_HEADER,
    leaderboardCells(rows, (t) => t, '*'),
    LEADERBOARD_NUMERIC,
  ).split('\n');
  // Colour after layout, so escape codes never count toward column widths.
  const painted = table.map((line, i) => (i >= 2 && rows[i - 2]?.best ? paint(line, 'bold') : line));
  return [`Leaderboard (${rows.length} files, * best accuracy)`, ...painted].join('\n');
}

function renderPairwiseSummary(comparison: Comparison, paint: Paint): string {
  const header = ['candidate', 'pass1 Δ', 'CI', 'sign-flip p', 'accuracy Δ', '95% CI', 'b/c', 'McNemar p', 'tokens Δ', 'latency p50 Δ', 'verdict'];
  const rows = comparison.candidates.map((c) => [
    cell(c.file, 48),
    pp(c.pass1.delta),
    ppInterval(c.test.interval),
    formatP(c.test.pValue),
    pp(c.accuracy.delta),
    ppInterval(c.ci95Delta),
    `${c.mcnemar.b}/${c.mcnemar.c}`,
    formatP(c.mcnemar.pValue),
    countDelta(c.totalTokens),
    durationDelta(c.latencyP50Ms),
    c.verdict.replaceAll('_', ' '),
  ]);
  const table = renderTable(header, rows, new Set([1, 2, 3, 4, 5, 6, 7, 8, 9])).split('\n');
  const painted = table.map((line, i) => {
    const c = comparison.candidates[i - 2];
    return c ? paintVerdict(line, c, paint) : line;
  });
  const level = levelText(1 - comparison.alpha);
  return [
    `Against the base ${sanitize(comparison.base.file)} (the gate tests pass1, CI ${level}; b = newly failing, c = newly passing by majority; intervals for a new draw of cases)`,
    ...painted,
  ].join('\n');
}

function renderChanges(c: PairwiseComparison, paint: Paint): string {
  const parts: string[] = [];
  for (const [title, changes, style] of [
    ['Newly failing', c.regressed, 'red'],
    ['Newly passing', c.improved, 'green'],
  ] as const) {
    if (!changes.length) continue;
    parts.push(`${paint(`${title} in ${sanitize(c.file)} (${changes.length})`, style)}\n${changesTable(changes)}`);
  }
  if (c.pass1Fell.length || c.pass1Rose.length) parts.push(pass1Line(c));
  return parts.join('\n\n');
}

// With several candidates, changed cases are listed by id only, one line per candidate and direction.
function renderChangedIds(comparison: Comparison, paint: Paint): string {
  const lines = comparison.candidates.flatMap((c) =>
    (
      [
        ['newly failing', c.regressed, 'red'],
        ['newly passing', c.improved, 'green'],
      ] as const
    )
      .filter(([, changes]) => changes.length)
      .map(([title, changes, style]) => `${paint(`${sanitize(c.file)} ${title} (${changes.length}):`, style)} ${idList(changes)}`),
  );
  return lines.join('\n');
}

function idList(changes: readonly CaseChange[]): string {
  const shown = changes
    .slice(0, CHANGES_SHOWN)
    .map((ch) => cell(ch.id, 32))
    .join(', ');
  return changes.length > CHANGES_SHOWN ? `${shown} and ${changes.length - CHANGES_SHOWN} more` : shown;
}

function changesTable(changes: readonly CaseChange[]): string {
  const rows = changes.slice(0, CHANGES_SHOWN).map((ch) => [cell(ch.id, 32), sideText(ch.before), sideText(ch.after), pass1Move(ch)]);
  const more = changes.length > CHANGES_SHOWN ? `\n… and ${changes.length - CHANGES_SHOWN} more (see --format json)` : '';
  return renderTable(['case', 'before (majority, votes)', 'after (majority, votes)', 'pass1'], rows) + more;
}

function paintVerdict(text: string, c: PairwiseComparison, paint: Paint): string {
  return c.verdict === 'worse' ? paint(text, 'red') : c.verdict === 'better' ? paint(text, 'green') : text;
}
