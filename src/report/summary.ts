// The end-of-run summary for the terminal: one row per case, then the run's figures. Returns a string.
import { formatDuration } from '../duration.js';
import type { CaseResult, Result } from '../schema/result.js';
import { cell } from './sanitize.js';
import { renderTable } from './table.js';

const ANSWER_WIDTH = 40;

/** The summary of one result: the per-case table and the headline figures. */
export function renderSummary(result: Result): string {
  const { summary } = result;
  const rows = result.cases.map((c) => [cell(c.id, 32), cell(c.answer ?? '(no answer)', ANSWER_WIDTH), formatVotes(c), verdict(c)]);
  const source = result.simulated ? `${result.model} (built-in simulated model)` : `${result.model} at ${result.baseUrl}`;
  const lines = [
    `${result.suite.name}: ${source}, ${result.samples} sample${result.samples === 1 ? '' : 's'} per case${result.complete ? '' : ' (partial run)'}`,
    '',
    renderTable(['case', 'majority answer', 'votes', 'verdict'], rows),
    '',
    `accuracy ${pct(summary.accuracy)} (majority vote)   pass1 ${pct(summary.pass1)} (per sample)   ${summary.cases} cases, ${summary.samples} samples`,
    `errors ${summary.errors}   no answer ${summary.noAnswer}   truncated ${summary.truncated}   ties ${summary.ties}`,
    `tokens ${summary.usage.totalTokens} (reasoning ${summary.usage.reasoningTokens})   latency p50 ${formatDuration(summary.latencyMs.p50)}, p95 ${formatDuration(summary.latencyMs.p95)}`,
  ];
  if (!result.complete) lines.push('Incomplete: the run stopped before every sample finished; figures cover the finished samples.');
  if (summary.truncated) lines.push('Some replies hit the token limit before answering: raise max_completion_tokens (--param max_completion_tokens=16000).');
  if (result.simulated) lines.push('These figures come from the built-in simulated model, a test double, not a real model.');
  return lines.join('\n');
}

/** `4/5`, then how the other samples split: `4/5 +1 other`, `2/5 +2 others, 1 none`. */
function formatVotes(c: CaseResult): string {
  const counts = Object.values(c.votes);
  const top = Math.max(0, ...counts);
  const others = counts.reduce((n, v) => n + v, 0) - top;
  const none = c.samples.length - top - others;
  const rest = [others && `${others} other${others === 1 ? '' : 's'}`, none && `${none} none`].filter(Boolean);
  return `${top}/${c.samples.length}${rest.length ? ` +${rest.join(', ')}` : ''}`;
}

function verdict(c: CaseResult): string {
  if (!c.samples.length) return 'not run';
  return `${c.correct ? 'right' : 'WRONG'}${c.tie ? ' (tie)' : ''}`;
}

/** A fraction as a percentage with one decimal. */
export function pct(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
