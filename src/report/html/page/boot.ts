// Page script: decodes the embedded data (base64, gzip) and draws every section; deep links.
/// <reference lib="dom" />
import type { ReportData } from '../data.js';
import type { Page } from './page-api.js';

/** Reads the data and renders the page; sets `data-ready` on <html> when the first screen is drawn. */
export async function boot(page: Page): Promise<void> {
  const status = document.getElementById('status')!;
  try {
    const base64 = document.getElementById('report-data')!.textContent!.trim();
    const binary = atob(base64);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
    page.data = JSON.parse(await new Response(stream).text()) as ReportData;
  } catch (error) {
    status.textContent = `This report could not be read in this browser: ${(error as Error).message}`;
    return;
  }
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
  document.documentElement.dataset.ready = String(Math.round(performance.now()));
}
