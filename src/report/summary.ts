// The end-of-run summary for the terminal: one row per case, then the run's figures. Returns a string.
import { formatDuration } from '../duration.js';
import { asBrief, type CaseBrief, type ResultBrief } from '../schema/case-brief.js';
import type { ResultView, Summary } from '../schema/result.js';
import { pct } from './compare-format.js';
import { cell, sanitize } from './sanitize.js';
import { renderTable } from './table.js';

const ANSWER_WIDTH = 40;

/** Suites up to this many cases show every case; larger ones only the cases that went wrong. */
const FULL_TABLE_MAX_CASES = 12;
/** At most this many rows of cases that went wrong; the rest are in the result file and the report. */
const WRONG_ROWS_MAX = 25;

/**
 * The summary of one result: the headline figures first, then the cases. A small suite shows
 * every case; a larger one only the cases that went wrong (wrong, tie, no answer, truncated, failed
 * samples), unless `verbose`.
 */
export function renderSummary(result: ResultBrief | ResultView, { verbose = false } = {}): string {
  const { summary } = result;
  const cases = result.cases.map(asBrief);
  const source = result.simulated ? `${result.model} (built-in simulated model)` : `${result.model} at ${result.baseUrl}`;
  const full = verbose || cases.length <= FULL_TABLE_MAX_CASES;
  const shown = full ? cases : cases.filter(wentWrong);
  const rows = shown.slice(0, full ? undefined : WRONG_ROWS_MAX).map((c) => [cell(c.id, 32), cell(shownAnswer(c), ANSWER_WIDTH), formatVotes(c), verdict(c)]);
  const table = rows.length ? ['', renderTable(['case', 'majority answer', 'votes', 'verdict'], rows)] : [];
  const more = shown.length - rows.length;
  const caption = full
    ? []
    : [
        '',
        shown.length === 0
          ? `Every one of the ${cases.length} cases went right.`
          : `${shown.length} of ${cases.length} cases went wrong (wrong, tie, no answer, truncated or failed samples)${more > 0 ? `; ${rows.length} shown, the rest are in the result file (--verbose shows every case)` : ''}:`,
      ];
  const lines = [
    `${result.suite.name}: ${source}, ${result.samples} sample${result.samples === 1 ? '' : 's'} per case${result.complete ? '' : ' (partial run)'}`,
    '',
    `accuracy ${pct(summary.accuracy)}${interval(summary)} by ${result.selection === 'best-of-n' ? 'best-of-N selection' : 'majority vote'}   pass1 ${pct(summary.pass1)} per sample   ${summary.cases} cases, ${summary.samples} samples`,
    ...curve('maj@k ', summary.majAtK),
    ...curve('pass@k', summary.passAtK),
    ...tagLine(summary.byTag),
    `errors ${summary.errors}   no answer ${summary.noAnswer}   truncated ${summary.truncated}   ties ${summary.ties}`,
    `tokens ${summary.usage.totalTokens} (reasoning ${summary.usage.reasoningTokens})   latency p50 ${formatDuration(summary.latencyMs.p50)}, p95 ${formatDuration(summary.latencyMs.p95)}`,
    ...caption,
    ...table,
  ];
  lines.push(...errorLines(cases));
  if (summary.rightInReasoning) lines.push(`${summary.rightInReasoning} wrong final answers had reached the right answer in their reasoning.`);
  if (summary.collapsed?.length) {
    lines.push(
      `Warning: every sample of ${summary.collapsed.length} case(s) is byte-identical (${summary.collapsed.slice(0, 5).join(', ')}${summary.collapsed.length > 5 ? ', ...' : ''}): the vote means nothing. A fixed seed or a caching server does this.`,
    );
  }
  if (!result.complete) lines.push('Incomplete: the run stopped before every sample finished; figures cover the finished samples.');
  if (summary.truncated) lines.push('Some replies hit the token limit before answering: raise max_completion_tokens (--param max_completion_tokens=16000).');
  if (result.simulated) lines.push('These figures come from the built-in simulated model, a test double, not a real model.');
  // Suite names, models and answers come from outside: every line is made safe for a terminal.
  return sanitize(lines.join('\n'));
}

/** A case a reader should look at: wrong, tied, unanswered, cut off, or with failed samples. */
function wentWrong(c: CaseBrief): boolean {
  return !c.correct || c.tie || c.brief.answered < c.brief.count;
}

/** The 95% interval, or why there is none worth printing: an interval from one case says nothing. */
function interval(summary: Summary): string {
  if (!summary.ci95) return summary.cases < 2 ? ' (too few cases for an interval)' : '';
  const [low, high] = summary.ci95;
  return ` (95% CI ${pct(low)}-${pct(high)} for new cases like these)`;
}

/** Failed samples by error code, with the cases they hit: errors are listed, not buried. */
function errorLines(cases: readonly CaseBrief[]): string[] {
  const byCode = new Map<string, { count: number; cases: Set<string>; message: string }>();
  for (const c of cases) {
    for (const error of c.brief.errors) {
      const entry = byCode.get(error.code) ?? { count: 0, cases: new Set<string>(), message: error.message };
      entry.count += error.count;
      entry.cases.add(c.id);
      byCode.set(error.code, entry);
    }
  }
  return [...byCode].map(([code, e]) => {
    const cases = [...e.cases];
    const shown = `${cases.slice(0, 5).join(', ')}${cases.length > 5 ? `, +${cases.length - 5} more` : ''}`;
    return `error ${code} x${e.count} in ${cell(shown, 80)}: ${cell(e.message, 100)}`;
  });
}

/** One line of a curve keyed by k: `maj@k   1: 74.0%  2: 74.0%  4: 79.1%  8: 83.0%`. */
function curve(label: string, byK: Record<string, number> | undefined): string[] {
  if (!byK || Object.keys(byK).length < 2) return [];
  const points = Object.entries(byK).sort((a, b) => Number(a[0]) - Number(b[0]));
  return [`${label}  ${points.map(([k, v]) => `${k}: ${pct(v)}`).join('  ')}`];
}

/** Accuracy per tag, when the suite has more than one tag. */
function tagLine(byTag: Summary['byTag']): string[] {
  const tags = Object.entries(byTag ?? {});
  if (tags.length < 2) return [];
  return [`by tag  ${tags.map(([tag, t]) => `${cell(tag, 20)} ${pct(t.accuracy)} (${t.cases})`).join('  ')}`];
}

/** `4/5`, then how the other samples split: `4/5 +1 other`, `2/5 +2 others, 1 none`. */
function formatVotes(c: CaseBrief): string {
  const counts = Object.values(c.votes);
  const top = Math.max(0, ...counts);
  const others = counts.reduce((n, v) => n + v, 0) - top;
  const none = c.brief.count - top - others;
  const rest = [others && `${others} other${others === 1 ? '' : 's'}`, none && `${none} none`].filter(Boolean);
  return `${top}/${c.brief.count}${rest.length ? ` +${rest.join(', ')}` : ''}`;
}

/** The majority answer as a reader wants it; a regex scorer's accepted class reads as words. */
function shownAnswer(c: CaseBrief): string {
  if (c.answer === null) return '(no answer)';
  return c.scorer === 'regex' && c.answer.startsWith('~/') ? '(matches the expected pattern)' : c.answer;
}

function verdict(c: CaseBrief): string {
  if (!c.brief.count) return 'not run';
  return `${c.correct ? 'right' : 'WRONG'}${c.tie ? ' (tie)' : ''}`;
}
