// The report in a real browser (Debian's Chromium via playwright-core): it loads clean, counts right, filters, links, compares, and runs nothing it shows.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { compareResults } from '../../../src/compare/compare.js';
import { buildHtmlReport } from '../../../src/report/html/build-report.js';
import type { Page as ReportPage } from '../../../src/report/html/page/page-api.js';
import { installUnpack } from '../../../src/report/html/page/unpack.js';
import { bytesToScriptText } from '../../../src/report/html/script-text.js';
import type { Result } from '../../../src/schema/result.js';
import { launch, openReport } from './browser.js';
import { hostile, PAYLOADS, save, simulatedRun, tempDir } from './fixtures.js';

let browser: Awaited<ReturnType<typeof launch>>;
let dir: string;
let weak: Result;
let strong: Result;
let single: string;
let pair: string;
let weakFile: string;
let strongFile: string;

beforeAll(async () => {
  dir = tempDir();
  [weak, strong] = [await simulatedRun('thinkbench-sim-50', 16, 4, 5), await simulatedRun('thinkbench-sim-100', 16, 4, 5)];
  weakFile = await save(dir, 'weak.json', weak);
  strongFile = await save(dir, 'strong.json', strong);
  single = join(dir, 'single.html');
  writeFileSync(single, buildHtmlReport([{ file: weakFile, result: weak }]));
  pair = join(dir, 'pair.html');
  writeFileSync(
    pair,
    buildHtmlReport([
      { file: weakFile, result: weak },
      { file: strongFile, result: strong },
    ]),
  );
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

const wrongCount = (r: Result) => r.cases.filter((c) => c.samples.length && !(c.correct && !c.tie)).length;

describe('one result file', () => {
  test('loads with no console error and no request, shows the header, the plots and every case', async () => {
    const { page, problems } = await openReport(browser.context, single);
    expect(await page.locator('h1').innerText()).toContain('arithmetic');
    expect(await page.locator('.simulated').count()).toBe(1);
    expect(await page.locator('svg[data-plot="maj"] circle').count()).toBe(Object.keys(weak.summary.majAtK!).length);
    expect(await page.locator('svg[data-plot="pass"] circle').count()).toBe(Object.keys(weak.summary.passAtK!).length);
    expect(await page.locator('#case-count').innerText()).toBe('16 cases');
    expect(await page.locator('#case-rows .row').count()).toBe(16);
    expect(await page.locator('.figure.main .figure-value').innerText()).toBe(`${(weak.summary.accuracy * 100).toFixed(1)}%`);
    expect(problems).toEqual({ errors: [], requests: [] });
    await page.screenshot({ path: join(dir, 'report.png'), fullPage: true });
    await page.close();
  });

  test('the wrong filter and the search narrow the table; a click opens the case with its reasoning collapsed', async () => {
    const { page, problems } = await openReport(browser.context, single);
    const wrong = wrongCount(weak);
    expect(wrong).toBeGreaterThan(0);
    await page.locator('input[data-filter="wrong"]').check();
    expect(await page.locator('#case-count').innerText()).toBe(`${wrong} of 16 cases`);
    const verdicts = await page.locator('#case-rows .row .verdict').allInnerTexts();
    expect(verdicts.length).toBe(wrong);
    expect(verdicts.every((v) => v !== 'right')).toBe(true);
    await page.locator('#case-rows .row').first().click();
    await page.waitForSelector('#detail .samples');
    const firstWrong = weak.cases.find((c) => c.samples.length && !(c.correct && !c.tie))!;
    expect(await page.locator('#detail .case-id').innerText()).toBe(firstWrong.id);
    expect(page.url()).toMatch(new RegExp(`#${firstWrong.id}$`));
    // The text the answer was read from is marked where it was read (its last occurrence).
    const read = firstWrong.samples.find((s) => s.span && s.content.includes(s.span))!;
    expect(read).toBeDefined();
    expect(await page.locator(`#detail .sample[data-sample="${read.index}"] .content mark`).innerText()).toBe(read.span);
    const reasoning = page.locator('#detail .reasoning-box').first();
    expect(await reasoning.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await reasoning.locator('summary').click();
    // The reasoning is drawn when the box opens (its toggle event), not before: wait for it.
    await page.waitForFunction(() => (document.querySelector('#detail .reasoning-box .reasoning')?.textContent?.length ?? 0) > 10, undefined, {
      timeout: 10_000,
    });
    expect((await reasoning.locator('.reasoning').innerText()).length).toBeGreaterThan(10);
    await page.locator('input[data-filter="wrong"]').uncheck();
    await page.locator('#case-search').fill('arith-003');
    expect(await page.locator('#case-count').innerText()).toBe('1 of 16 cases');
    expect(problems.errors).toEqual([]);
    await page.close();
  });

  test('a #case-id deep link opens that case; sorting by id descending puts the last case first', async () => {
    const id = weak.cases[9]!.id;
    const { page, problems } = await openReport(browser.context, single, `#${id}`);
    expect(await page.locator('#detail .case-id').innerText()).toBe(id);
    expect(await page.locator('#case-rows .row.selected').getAttribute('data-case')).toBe(id);
    expect(await page.locator('#detail .sample').count()).toBe(weak.cases[9]!.samples.length);
    await page.locator('button[data-sort="id"]').click();
    await page.locator('button[data-sort="id"]').click();
    expect(await page.locator('#case-rows .row').first().getAttribute('data-case')).toBe(weak.cases[15]!.id);
    expect(problems.errors).toEqual([]);
    await page.close();
  });
});

describe('two result files', () => {
  test('the comparison lists each flip with its direction, and a flip opens the candidate case', async () => {
    const comparison = compareResults({ file: weakFile, result: weak }, [{ file: strongFile, result: strong }], { alpha: 0.05 });
    const flips = comparison.candidates[0]!.regressed.length + comparison.candidates[0]!.improved.length;
    expect(flips).toBeGreaterThan(0);
    const { page, problems } = await openReport(browser.context, pair);
    expect(await page.locator('#comparison table.flips tbody tr').count()).toBe(flips);
    expect(await page.locator('#comparison .flip.ok').count()).toBe(comparison.candidates[0]!.improved.length);
    expect(await page.locator('#comparison').innerText()).toMatch(/McNemar exact p = /);
    expect(await page.locator('#comparison table.leaderboard tbody tr').count()).toBe(2);
    expect(await page.locator('svg[data-plot="scaling"] circle').count()).toBe(2);
    const link = page.locator('#comparison a.case-link').first();
    const id = await link.innerText();
    await link.click();
    await page.waitForSelector('#detail .samples');
    expect(await page.locator('#detail .case-id').innerText()).toBe(id);
    expect(await page.locator('#run-select').inputValue()).toBe('1');
    expect(problems).toEqual({ errors: [], requests: [] });
    await page.close();
  });
});

describe('hostile text', () => {
  test('scripts, handlers, javascript: links and </script> in replies and case fields run nothing and show as text', async () => {
    const evil = hostile(weak);
    const file = join(dir, 'evil.html');
    writeFileSync(file, buildHtmlReport([{ file: 'evil.json', result: evil }]));
    const { page, problems } = await openReport(browser.context, file, `#${encodeURIComponent(evil.cases[0]!.id)}`);
    await page.locator('#detail .reasoning-box summary').first().click();
    await page.waitForTimeout(200);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.locator('script').count()).toBe(4);
    expect(await page.locator('script:not([type="application/octet-stream"])').count()).toBe(2);
    expect(await page.locator('img, iframe, object, embed, #detail svg, a[href^="javascript"]').count()).toBe(0);
    const content = await page.locator('#detail .content').first().innerText();
    for (const payload of PAYLOADS.slice(0, 5)) expect(content).toContain(payload);
    expect(await page.locator('#detail .case-id').innerText()).toBe(evil.cases[0]!.id);
    // Not even blocked attempts: the CSP had nothing to refuse, because nothing was parsed as markup.
    expect(problems).toEqual({ errors: [], requests: [] });
    await page.close();
  });
});

describe('the embedded text', () => {
  test('every character the encoding uses reaches the page as written: controls, a leading newline, a trailing space', async () => {
    const decoder = {} as ReportPage;
    installUnpack(decoder);
    // A first chunk whose text starts with a newline, every byte value, and a last byte whose text ends with a space.
    const bytes = Buffer.concat([
      decoder.scriptTextToBytes('\n\x01\x01\x01\x01\x01\x01'),
      Buffer.from(Array.from({ length: 600 }, (_, i) => (i * 7) % 256)),
      Buffer.from([30]),
    ]);
    const text = bytesToScriptText(bytes);
    expect([text[0], text[text.length - 1]]).toEqual(['\n', ' ']);
    expect(new Set(text).size).toBe(125);
    const file = join(dir, 'bytes.html');
    writeFileSync(file, `<!doctype html><meta charset="utf-8"><title>bytes</title><script type="application/octet-stream" id="bytes">${text}</script>`);
    const page = await browser.context.newPage();
    await page.goto(`file://${file}`);
    // The page's own decoder, as the report ships it (__name is the helper tsx's esbuild inserts).
    const decoded = await page.evaluate(
      `(() => { var __name = (t) => t; const p = {}; (${installUnpack.toString()})(p); return Array.from(p.scriptTextToBytes(document.getElementById('bytes').textContent)); })()`,
    );
    expect(decoded).toEqual(Array.from(bytes));
    await page.close();
  });
});
