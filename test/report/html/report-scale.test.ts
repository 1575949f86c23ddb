// The report in a real browser at scale and with mathematics: 10,000 rows stay virtual, LaTeX renders, long reasoning is cut with a note.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { buildHtmlReport } from '../../../src/report/html/build-report.js';
import type { Result } from '../../../src/schema/result.js';
import { launch, openReport } from './browser.js';
import { simulatedRun, tempDir } from './fixtures.js';

let browser: Awaited<ReturnType<typeof launch>>;
let dir: string;
let run: Result;

beforeAll(async () => {
  dir = tempDir();
  run = await simulatedRun('thinkbench-sim-60', 20, 2, 11);
  browser = await launch();
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

test('10,000 cases: the count is right, only the visible rows are in the DOM, and scrolling reaches the last', async () => {
  const cases = Array.from({ length: 10_000 }, (_, i) => ({ ...run.cases[i % run.cases.length]!, id: `case-${String(i).padStart(5, '0')}` }));
  const big: Result = { ...run, cases, summary: { ...run.summary, cases: cases.length } };
  const file = join(dir, 'big.html');
  writeFileSync(file, buildHtmlReport([{ file: 'big.json', result: big }]));
  const { page, problems } = await openReport(browser.context, file);
  expect(await page.locator('#case-count').innerText()).toBe('10,000 cases');
  expect(await page.locator('#case-rows .row').count()).toBeLessThan(60);
  await page.locator('#case-rows').evaluate((el) => (el.scrollTop = el.scrollHeight));
  await page.waitForSelector('#case-rows .row[data-case="case-09999"]');
  const wrong = cases.filter((c) => c.samples.length && !(c.correct && !c.tie)).length;
  await page.locator('input[data-filter="wrong"]').check();
  expect(await page.locator('#case-count').innerText()).toBe(`${wrong.toLocaleString('en-US')} of 10,000 cases`);
  await page.locator('#case-search').fill('case-0420');
  expect(await page.locator('#case-count').innerText()).toMatch(/^\d+ of 10,000 cases$/);
  expect(problems).toEqual({ errors: [], requests: [] });
  await page.close();
});

test('LaTeX in a reply renders with the embedded KaTeX; reasoning past --max-reasoning-chars is cut with a note', async () => {
  const first = run.cases[0]!;
  const long = `Start of thinking. ${'Let me check again. '.repeat(200)}So the answer is $\\frac{3}{4}$.`;
  const samples = first.samples.map((s) => ({
    ...s,
    content: 'We get $\\frac{3}{4}$ and so\n$$\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}$$\n\\boxed{42}',
    reasoning: long,
  }));
  const result: Result = { ...run, cases: [{ ...first, samples }, ...run.cases.slice(1)] };
  const file = join(dir, 'math.html');
  writeFileSync(file, buildHtmlReport([{ file: 'math.json', result }], { maxReasoningChars: 200 }));
  const { page, problems } = await openReport(browser.context, file, `#${first.id}`);
  const content = page.locator('#detail .content').first();
  expect(await content.locator('.katex').count()).toBe(3);
  expect(await content.locator('.katex-display').count()).toBe(1);
  const reasoning = page.locator('#detail .reasoning-box').first();
  expect(await reasoning.locator('summary').innerText()).toContain(`${long.length.toLocaleString('en-US')} characters`);
  await reasoning.locator('summary').click();
  expect(await reasoning.locator('.trim-note').innerText()).toContain(`${(long.length - 200).toLocaleString('en-US')} characters cut`);
  expect(await reasoning.locator('.reasoning').innerText()).toMatch(/^Start of thinking[\s\S]*frac|3\s*4/);
  expect(await page.locator('header .note').innerText()).toContain('200 characters');
  // The fonts came from the page itself: every KaTeX face that was used is loaded.
  const fonts = await page.evaluate(async () => {
    await document.fonts.ready;
    let loaded = 0;
    document.fonts.forEach((f) => {
      if (f.family.startsWith('KaTeX') && f.status === 'loaded') loaded++;
    });
    return loaded;
  });
  expect(fonts).toBeGreaterThan(0);
  expect(problems).toEqual({ errors: [], requests: [] });
  await page.screenshot({ path: join(dir, 'math.png'), fullPage: false });
  await page.close();
});
