// JUnit XML for CI test reporters: one testsuite per result, one testcase per case. Returns a string.
import { asBrief, type CaseBrief, type ResultBrief } from '../schema/case-brief.js';
import type { ResultView, Sample } from '../schema/result.js';

/** A result to report, with the cases that regressed against a base (marked as such). */
export interface JunitSuite {
  result: ResultBrief | ResultView;
  regressed?: ReadonlySet<string>;
  suiteName?: string;
  /** A sample's reply text, read from the result file; a whole result in memory gives its own. */
  replyOf?: ReplyOf;
}

/** The reply text of sample `index` of a case, when it can be read. */
export type ReplyOf = (caseId: string, index: number) => string | undefined;

const DETAIL_CHARS = 1000;

/** A JUnit document for one result: a failure for each wrong or regressed case, skipped for cases not run. */
export function renderJunit(result: JunitSuite['result'], options: Omit<JunitSuite, 'result'> = {}): string {
  return renderJunitSuites([{ result, ...options }]);
}

/** A JUnit document with one testsuite per result (a comparison with several candidates). */
export function renderJunitSuites(suites: readonly JunitSuite[]): string {
  const bodies = suites.map(renderSuite);
  const total = (key: keyof SuiteCounts) => bodies.reduce((n, b) => n + b.counts[key], 0);
  const seconds = bodies.reduce((n, b) => n + b.counts.seconds, 0);
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="thinkbench" tests="${total('tests')}" failures="${total('failures')}" errors="0" skipped="${total('skipped')}" time="${seconds.toFixed(3)}">`,
    ...bodies.map((b) => b.xml),
    '</testsuites>',
    '',
  ].join('\n');
}

interface SuiteCounts {
  tests: number;
  failures: number;
  skipped: number;
  seconds: number;
}

function renderSuite({ result, regressed = new Set(), suiteName, replyOf = repliesIn(result) }: JunitSuite): { xml: string; counts: SuiteCounts } {
  const name = suiteName ?? `${result.suite.name} (${result.model})`;
  const testcases = result.cases.map((c) => renderCase(result.suite.name, asBrief(c), regressed.has(c.id), replyOf));
  const counts: SuiteCounts = {
    tests: result.cases.length,
    failures: testcases.filter((t) => t.failed).length,
    skipped: testcases.filter((t) => t.skipped).length,
    seconds: wallSeconds(result),
  };
  const properties: [string, unknown][] = [
    ['model', result.model],
    ['baseUrl', result.baseUrl],
    ['simulated', result.simulated],
    ['samples', result.samples],
    ['params', JSON.stringify(result.params)],
    ['suiteSha256', result.suite.sha256],
    ['complete', result.complete],
    ['accuracy', result.summary.accuracy],
    ['pass1', result.summary.pass1],
    ['totalTokens', result.summary.usage.totalTokens],
  ];
  const xml = [
    `  <testsuite name="${xmlAttr(name)}" tests="${counts.tests}" failures="${counts.failures}" errors="0" skipped="${counts.skipped}" time="${counts.seconds.toFixed(3)}" timestamp="${xmlAttr(result.startedAt)}">`,
    '    <properties>',
    ...properties.map(([key, value]) => `      <property name="${xmlAttr(key)}" value="${xmlAttr(String(value))}"/>`),
    '    </properties>',
    ...testcases.map((t) => t.xml),
    '  </testsuite>',
  ].join('\n');
  return { xml, counts };
}

function renderCase(suite: string, c: CaseBrief, regressed: boolean, replyOf: ReplyOf | undefined): { xml: string; failed: boolean; skipped: boolean } {
  const { brief } = c;
  const open = `    <testcase classname="${xmlAttr(suite)}" name="${xmlAttr(c.id)}" time="${(brief.meanLatencyMs / 1000).toFixed(3)}"`;
  if (!brief.count) {
    return {
      xml: `${open}>\n      <skipped message="not run: the run stopped before this case had a sample"/>\n    </testcase>`,
      failed: false,
      skipped: true,
    };
  }
  if (c.correct && !regressed) return { xml: `${open}/>`, failed: false, skipped: false };
  const answer = c.answer === null ? 'no answer' : `majority answer "${c.answer}"`;
  const allFailed = brief.errors.reduce((n, e) => n + e.count, 0) === brief.count;
  const type = regressed ? 'regressed' : allFailed ? 'error' : 'wrong';
  const message = `${regressed ? 'regressed (right in the base): ' : ''}${answer}, expected "${String(c.expected)}"`;
  const votes =
    Object.entries(c.votes)
      .map(([a, n]) => `${a} ×${n}`)
      .join(', ') || 'none';
  const example = brief.example;
  const reply = example && replyOf?.(c.id, example.index);
  const detail = [
    `votes: ${votes} (${brief.count} samples${c.tie ? ', tie' : ''})`,
    ...(example?.error ? [`error: ${example.error.code}: ${example.error.message}`] : []),
    ...(reply ? [`reply (sample ${example!.index}):`, clip(reply)] : []),
  ].join('\n');
  return {
    xml: `${open}>\n      <failure type="${type}" message="${xmlAttr(message)}">${xmlText(detail)}</failure>\n    </testcase>`,
    failed: true,
    skipped: false,
  };
}

/** The replies of a whole result in memory, by case and index; none for a brief or a view (theirs are in the file). */
function repliesIn(result: JunitSuite['result']): ReplyOf | undefined {
  const cases = new Map<string, Map<number, string>>();
  for (const c of result.cases) {
    if (!('samples' in c)) return undefined;
    const replies = new Map<number, string>();
    for (const s of c.samples as Partial<Sample>[]) if (s.content !== undefined) replies.set(s.index!, s.content);
    cases.set(c.id, replies);
  }
  return (caseId, index) => cases.get(caseId)?.get(index);
}

function wallSeconds(result: JunitSuite['result']): number {
  const ms = Date.parse(result.finishedAt) - Date.parse(result.startedAt);
  return Number.isFinite(ms) && ms > 0 ? ms / 1000 : 0;
}

function clip(s: string): string {
  return s.length > DETAIL_CHARS ? `${s.slice(0, DETAIL_CHARS)}…` : s;
}

// Characters XML 1.0 forbids outright (most C0 controls, lone surrogates, U+FFFE/U+FFFF): no escape can carry them.
const INVALID_XML = /[^\u0009\u000a\u000d\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/gu;

/** `s` with characters invalid in XML 1.0 removed. */
export function stripInvalidXml(s: string): string {
  return s.replace(INVALID_XML, '');
}

/** Escaped for element content. */
export function xmlText(s: string): string {
  return stripInvalidXml(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Escaped for a double-quoted attribute; whitespace controls as references so parsers keep them. */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;').replace(/\r/g, '&#13;');
}
