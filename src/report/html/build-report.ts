// The HTML report of one or more result files, as one self-contained string.
import type { LoadedResult } from '../../compare/compare.js';
import { katexAssets } from './assets.js';
import { buildReportData, type ReportDataOptions } from './report-data.js';
import { renderHtml } from './render-html.js';

/** The report page: with two or more files, the first is the base the others are compared with. */
export function buildHtmlReport(runs: readonly LoadedResult[], options: ReportDataOptions = {}): string {
  return renderHtml(buildReportData(runs, options), katexAssets());
}
