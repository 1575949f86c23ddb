// The page as text: one file, a strict CSP whose hashes match the inline code, data that cannot close its element.
import { createHash } from 'node:crypto';
import { gunzipSync } from 'node:zlib';
import { describe, expect, test } from 'vitest';
import { katexAssets } from '../../../src/report/html/assets.js';
import { buildHtmlReport } from '../../../src/report/html/build-report.js';
import type { ReportData } from '../../../src/report/html/data.js';
import { runLabels } from '../../../src/report/html/labels.js';
import type { Page } from '../../../src/report/html/page/page-api.js';
import { installUnpack } from '../../../src/report/html/page/unpack.js';
import { renderHtml } from '../../../src/report/html/render-html.js';
import { packSamples } from '../../../src/report/html/sample-columns.js';
import { cutReasoning, trimMiddle } from '../../../src/report/html/trim.js';
import type { Result } from '../../../src/schema/result.js';

const data = (extra: Partial<ReportData> = {}): ReportData => ({
  maxReasoningChars: null,
  runs: [],
  samples: packSamples([]),
  comparison: null,
  ...extra,
});

// The page's own decoder, run in Node: it needs no DOM to turn script text back into bytes.
const page = {} as Page;
installUnpack(page);

const sha = (text: string) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;

describe('renderHtml', () => {
  const evil = '</script><script>alert(1)</script><!--';
  const evilStrings = { ...packSamples([]), strings: [evil] };
  const html = renderHtml({ data: data({ samples: evilStrings }), texts: [[evil, `${evil} reasoning`, null]] }, katexAssets());

  test('the data and the texts are gzipped in non-executable script elements, hold no "<", and decode back', () => {
    const block = (attributes: string) => {
      const match = new RegExp(`<script type="application/octet-stream" ${attributes}>([^<]*)</script>`).exec(html);
      expect(match).not.toBeNull();
      return JSON.parse(gunzipSync(page.scriptTextToBytes(match![1]!)).toString('utf8'));
    };
    expect(block('id="report-data"').samples.strings).toEqual([evil]);
    expect(block('class="report-texts" data-first="0" data-count="1"')).toEqual([[evil, `${evil} reasoning`, null]]);
    expect(html).not.toContain(evil);
  });

  test('the CSP forbids the network and allows exactly the inline scripts and styles by hash', () => {
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/.exec(html)![1]!;
    expect(csp).toContain("default-src 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toMatch(/connect-src|http/);
    const scripts = [...html.matchAll(/<script>([\s\S]*?)<\/script>/g)].map((m) => m[1]!);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!);
    expect(scripts).toHaveLength(2);
    expect(styles).toHaveLength(2);
    expect(/script-src ([^;]+)/.exec(csp)![1]!.split(' ')).toEqual(scripts.map(sha));
    expect(/style-src ([^;]+)/.exec(csp)![1]!.split(' ')).toEqual(styles.map(sha));
  });

  test('KaTeX fonts are embedded as data URLs: no font file is left to fetch', () => {
    expect(katexAssets()?.fonts).toBe(true);
    expect(html).not.toMatch(/url\((?!data:)/);
    expect((html.match(/url\(data:font\/woff2;base64,/g) ?? []).length).toBeGreaterThan(10);
  });

  test('without KaTeX the page still has its own script and style', () => {
    const bare = renderHtml({ data: data(), texts: [] }, null);
    expect(bare).not.toContain('@font-face');
    expect([...bare.matchAll(/<script>/g)]).toHaveLength(1);
  });
});

describe('trimMiddle', () => {
  test.each([
    ['abcdefghij', null, 'abcdefghij', null],
    ['abcdefghij', 20, 'abcdefghij', null],
    ['abcdefghij', 4, 'abij', { chars: 6, at: 2 }],
    ['abcdefghij', 5, 'abcij', { chars: 5, at: 3 }],
    // A cut through a surrogate pair keeps the half it took, unchanged (the copy is through UTF-16).
    ['a😀bcdefg😀', 4, 'a\ud83d\ud83d\ude00', { chars: 7, at: 2 }],
  ])('trimMiddle(%j, %j)', (text, max, kept, trimmed) => {
    expect(trimMiddle(text, max)).toEqual({ text: kept, trimmed });
  });

  test('a reasoning cut as it was read keeps its cut, so the page says where and how much, and is not cut again', () => {
    const read = { reasoning: 'abij', reasoningCut: { chars: 6, at: 2 } };
    expect(cutReasoning(read, 4)).toEqual({ text: 'abij', trimmed: { chars: 6, at: 2 } });
    expect(cutReasoning(read, 2)).toEqual({ text: 'abij', trimmed: { chars: 6, at: 2 } });
    expect(cutReasoning({ reasoning: 'abcdefghij' }, 4)).toEqual(trimMiddle('abcdefghij', 4));
  });
});

describe('runLabels', () => {
  const run = (file: string, model: string, params: Record<string, unknown>) => ({ file, result: { model, params } as unknown as Result });
  test.each([
    ['models apart', [run('a.json', 'm1', {}), run('b.json', 'm2', {})], ['m1', 'm2']],
    [
      'a differing parameter',
      [run('a.json', 'm', { reasoning_effort: 'low', seed: 1 }), run('b.json', 'm', { reasoning_effort: 'high', seed: 1 })],
      ['m reasoning_effort=low', 'm reasoning_effort=high'],
    ],
    ['the same run twice: file names', [run('x/a.json', 'm', {}), run('y/b.json', 'm', {})], ['m (a.json)', 'm (b.json)']],
  ])('%s', (_, runs, expected) => expect(runLabels(runs)).toEqual(expected));
});

describe('buildHtmlReport', () => {
  const result = (content: string) =>
    ({
      schemaVersion: 1,
      tool: { name: 'thinkbench', version: '0' },
      suite: { name: 's', path: 's.yaml', sha256: 'x' },
      model: 'm',
      baseUrl: 'http://127.0.0.1/v1',
      simulated: true,
      params: {},
      samples: 1,
      concurrency: 1,
      timeoutMs: 1,
      startedAt: '2026-01-01T00:00:00Z',
      finishedAt: '2026-01-01T00:00:01Z',
      complete: true,
      selection: 'majority',
      adaptations: [],
      summary: {
        cases: 1,
        samples: 1,
        accuracy: 1,
        pass1: 1,
        errors: 0,
        noAnswer: 0,
        truncated: 0,
        ties: 0,
        usage: { promptTokens: 1, completionTokens: 1, reasoningTokens: 0, totalTokens: 2 },
        latencyMs: { mean: 1, p50: 1, p95: 1 },
      },
      cases: [
        {
          id: 'a',
          scorer: 'number',
          expected: 3,
          tags: [],
          answer: '3',
          correct: true,
          tie: false,
          votes: { '3': 1 },
          margin: 1,
          agreement: 1,
          samples: [
            { index: 0, outcome: 'answered', answer: '3', correct: true, error: null, content, reasoning: '', finishReason: 'stop', latencyMs: 1, usage: null },
          ],
        },
      ],
    }) as unknown as Result;

  test.each([
    ['plain text: no KaTeX, no fonts', 'Answer: 3', false],
    ['a \\boxed answer: KaTeX and its fonts', 'So \\boxed{3}', true],
    ['inline $...$: KaTeX', 'We get $x = 3$', true],
  ])('%s', (_, content, katex) => {
    const html = buildHtmlReport([{ file: 'r.json', result: result(content) }]);
    expect(html.includes('@font-face')).toBe(katex);
    expect([...html.matchAll(/<script>/g)]).toHaveLength(katex ? 2 : 1);
  });

  test('what the page does not show stays out of the page: the messages sent, a sample cost, the suite hash', () => {
    const base = result('Answer: 3');
    const [first] = base.cases;
    const sample = { ...first!.samples[0]!, rule: 'marker', span: '3', costUsd: 0.123456 };
    const shown = { ...first!, messages: [{ role: 'user', content: 'UNSHOWN PROMPT' }], costUsd: 0.654321, samples: [sample] };
    const html = buildHtmlReport([{ file: 'r.json', result: { ...base, suite: { ...base.suite, sha256: 'feedc0ffee' }, cases: [shown] } }]);
    const blocks = [...html.matchAll(/<script type="application\/octet-stream"[^>]*>([^<]*)<\/script>/g)].map((m) =>
      gunzipSync(page.scriptTextToBytes(m[1]!)).toString('utf8'),
    );
    expect(blocks).toHaveLength(2);
    for (const unshown of ['UNSHOWN PROMPT', '0.123456', '0.654321', 'feedc0ffee', 'generatedAt', 'contentChars'])
      expect(blocks.join('\n')).not.toContain(unshown);
    // The span is kept, counted from the end of the content ("3" is its last character).
    const { samples } = JSON.parse(blocks[0]!) as ReportData;
    expect(samples.uniform).toMatchObject({ rule: 'marker', span: [0, 1], answer: '3' });
  });
});
