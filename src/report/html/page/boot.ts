// Page script: decodes the embedded data and draws every section; deep links.
/// <reference lib="dom" />
import type { ReportData, SampleTexts } from '../data.js';
import type { Page } from './page-api.js';

/** Reads the data and renders the page; sets `data-ready` on <html> when the first screen is drawn. */
export async function boot(page: Page): Promise<void> {
  const status = document.getElementById('status')!;
  try {
    page.data = (await page.unpack(document.getElementById('report-data')!)) as ReportData;
  } catch (error) {
    status.textContent = `This report could not be read in this browser: ${(error as Error).message}`;
    return;
  }
  // The samples' texts sit in blocks; a block is decoded the first time a case in it is opened.
  interface Block {
    element: Element;
    first: number;
    count: number;
    texts: SampleTexts[] | null;
    loading: Promise<void> | null;
  }
  let blocks: Block[] | null = null;
  // The blocks come after this script: they are there once the document is parsed, and so is KaTeX, which
  // follows them (texts are only drawn after this, so no mathematics is drawn before KaTeX can).
  const parsed =
    document.readyState === 'loading' ? new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true })) : Promise.resolve();
  void parsed.then(() => {
    blocks = Array.from(document.querySelectorAll('script.report-texts')).map((element) => ({
      element,
      first: Number(element.getAttribute('data-first')),
      count: Number(element.getAttribute('data-count')),
      texts: null,
      loading: null,
    }));
  });
  const blockOf = (index: number) => blocks?.find((b) => index >= b.first && index < b.first + b.count);
  page.textsNow = (index) => {
    const block = blockOf(index);
    return block?.texts?.[index - block.first] ?? null;
  };
  page.loadTexts = async (indices) => {
    await parsed;
    const wanted = [...new Set(indices.map(blockOf))].filter((b): b is Block => b !== undefined && !b.texts);
    await Promise.all(wanted.map((b) => (b.loading ??= page.unpack(b.element).then((texts) => void (b.texts = texts as SampleTexts[])))));
  };
  page.run = 0;
  page.currentRun = () => page.data.runs[page.run]!;
  page.selectRun = (run) => {
    page.run = run;
    page.renderHeader();
    page.renderTable();
    page.renderDetail(null);
  };
  page.renderHeader();
  page.renderPlots();
  page.renderComparison();
  page.renderTable();
  const follow = () => {
    const id = decodeURIComponent(location.hash.slice(1));
    if (id && page.openCase(id)) document.getElementById('cases')!.scrollIntoView();
  };
  window.addEventListener('hashchange', follow);
  follow();
  status.remove();
  // Marked after the next frame, so the figure is when the first screen could be seen.
  requestAnimationFrame(() => setTimeout(() => (document.documentElement.dataset.ready = String(Math.round(performance.now()))), 0));
}
