// JUnit XML for CI test reporters: one testsuite per result, one testcase per case. Returns a string.
import type { CaseView, ResultView, Sample } from '../schema/result.js';

/** A result to report, with the cases that regressed against a base (marked as such). */
export interface JunitSuite {
  result: ResultView;
  regressed?: ReadonlySet<string>;
  suiteName?: string;
  /** A sample's reply text, read from the result file: results in memory keep no texts. */
  replyOf?: ReplyOf;
}

/** The reply text of sample `index` of a case, when it can be read. */
export type ReplyOf = (caseId: string, index: number) => string | undefined;

const DETAIL_CHARS = 1000;

/** A JUnit document for one result: a failure for each wrong or regressed case, skipped for cases not run. */
export function renderJunit(result: ResultView, options: Omit<JunitSuite, 'result'> = {}): string {
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

function renderSuite({ result, regressed = new Set(), suiteName, replyOf }: JunitSuite): { xml: string; counts: SuiteCounts } {
  const name = suiteName ?? `${result.suite.name} (${result.model})`;
  const testcases = result.cases.map((c) => renderCase(result.suite.name, c, regressed.has(c.id), replyOf));
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

function renderCase(suite: string, c: CaseView, regressed: boolean, replyOf: ReplyOf | undefined): { xml: string; failed: boolean; skipped: boolean } {
  const latencies = c.samples.map((s) => s.latencyMs);
  const seconds = latencies.length ? latencies.reduce((a, b) => a + b, 0) / latencies.length / 1000 : 0;
  const open = `    <testcase classname="${xmlAttr(suite)}" name="${xmlAttr(c.id)}" time="${seconds.toFixed(3)}"`;
  if (!c.samples.length) {
    return {
      xml: `${open}>\n      <skipped message="not run: the run stopped before this case had a sample"/>\n    </testcase>`,
      failed: false,
      skipped: true,
    };
  }
  if (c.correct && !regressed) return { xml: `${open}/>`, failed: false, skipped: false };
  const answer = c.answer === null ? 'no answer' : `majority answer "${c.answer}"`;
  const allFailed = c.samples.every((s) => s.outcome === 'error');
  const type = regressed ? 'regressed' : allFailed ? 'error' : 'wrong';
  const message = `${regressed ? 'regressed (right in the base): ' : ''}${answer}, expected "${String(c.expected)}"`;
  const votes =
    Object.entries(c.votes)
      .map(([a, n]) => `${a} ×${n}`)
      .join(', ') || 'none';
  const example = c.samples.find((s) => s.answer === c.answer) ?? c.samples[0];
  // A result in memory keeps its texts; one read as a view has them only in its file.
  const reply = example && (replyOf ? replyOf(c.id, example.index) : (example as Partial<Sample>).content);
  const detail = [
    `votes: ${votes} (${c.samples.length} samples${c.tie ? ', tie' : ''})`,
    ...(example?.error ? [`error: ${example.error.code}: ${example.error.message}`] : []),
    ...(reply ? [`reply (sample ${example!.index}):`, clip(reply)] : []),
  ].join('\n');
  return {
    xml: `${open}>\n      <failure type="${type}" message="${xmlAttr(message)}">${xmlText(detail)}</failure>\n    </testcase>`,
    failed: true,
    skipped: false,
  };
}

function wallSeconds(result: ResultView): number {
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
