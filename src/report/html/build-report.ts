// The HTML report of one or more result files, as one self-contained string.
import type { LoadedResult } from '../../compare/compare.js';
import { katexAssets } from './assets.js';
import type { SampleTexts } from './data.js';
import { buildReportData, type ReportDataOptions } from './report-data.js';
import { renderHtml } from './render-html.js';

// Anything the page could read as mathematics (a superset of what rich-text.ts renders).
const MATH = /\$|\\\(|\\\[|\\boxed\{/;

/**
 * The report page: with two or more files, the first is the base the others are compared with.
 * KaTeX (about 640 KB with its fonts) is embedded only when some sample's text may hold LaTeX.
 */
export function buildHtmlReport(runs: readonly LoadedResult[], options: ReportDataOptions = {}): string {
  const payload = buildReportData(runs, options);
  return renderHtml(payload, payload.texts.some(hasMath) ? katexAssets() : null);
}

function hasMath([content, reasoning]: SampleTexts): boolean {
  return MATH.test(content) || MATH.test(reasoning);
}
