// Assembles the one-file report: data gzipped and base64'd, the scripts and styles inline under a strict CSP.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { KatexAssets } from './assets.js';
import type { ReportData } from './data.js';
import { pageScript } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';

/** The report page for `data`; `katex` null leaves LaTeX as text. */
export function renderHtml(data: ReportData, katex: KatexAssets | null): string {
  // base64 has no '<', so no text in the data can close the script element it sits in.
  const payload = gzipSync(JSON.stringify(data), { level: 9 }).toString('base64');
  const script = pageScript();
  const scripts = [...(katex ? [katex.script] : []), script];
  const styles = [...(katex ? [katex.style] : []), PAGE_STYLE];
  const csp = [
    "default-src 'none'",
    `script-src ${scripts.map(hash).join(' ')}`,
    `style-src ${styles.map(hash).join(' ')}`,
    'font-src data:',
    'img-src data:',
    "base-uri 'none'",
    "form-action 'none'",
  ].join('; ');
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="referrer" content="no-referrer">',
    '<title>thinkbench report</title>',
    ...styles.map((style) => `<style>${style}</style>`),
    '</head>',
    '<body>',
    '<header id="top"></header>',
    '<main>',
    '<div id="status">Loading the report…<noscript> This report needs JavaScript.</noscript></div>',
    '<section id="summary"></section>',
    '<section id="plots"></section>',
    '<section id="comparison" hidden></section>',
    '<section id="cases"></section>',
    '<section id="detail"></section>',
    '</main>',
    `<script type="application/octet-stream" id="report-data">${payload}</script>`,
    ...scripts.map((s) => `<script>${s}</script>`),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function hash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
