// Assembles the one-file report: data gzipped and written in base 125, the scripts and styles inline under a strict CSP.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { KatexAssets } from './assets.js';
import type { ReportPayload } from './data.js';
import { pageScript } from './page-script.js';
import { PAGE_STYLE } from './page-style.js';
import { bytesToScriptText } from './script-text.js';

/** The report page for `payload`; `katex` null leaves LaTeX as text. */
export function renderHtml(payload: ReportPayload, katex: KatexAssets | null): string {
  const data = pack(payload.data);
  const blocks = textBlocks(payload.texts);
  const script = pageScript();
  const scripts = [script, ...(katex ? [katex.script] : [])];
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
    `<script type="application/octet-stream" id="report-data">${data}</script>`,
    // The page script before the texts, and KaTeX after them: the first screen is drawn while the browser
    // still parses the texts (its largest paint came at about half the time, measured), and the texts are
    // read only once the document is parsed, when KaTeX has run too.
    `<script>${script}</script>`,
    ...blocks.map(
      (b) => `<script type="application/octet-stream" class="report-texts" data-first="${b.first}" data-count="${b.count}">${pack(b.texts)}</script>`,
    ),
    ...(katex ? [`<script>${katex.script}</script>`] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** Characters of text per block: a case's samples are read by decoding one block of about this size. */
const BLOCK_CHARS = 1_000_000;

// Samples' texts in blocks of about BLOCK_CHARS, in sample order, so opening a case decodes one block, not all.
function textBlocks(texts: ReportPayload['texts']): { first: number; count: number; texts: ReportPayload['texts'] }[] {
  const blocks: { first: number; count: number; texts: ReportPayload['texts'] }[] = [];
  let current: ReportPayload['texts'] = [];
  let chars = 0;
  let first = 0;
  texts.forEach((t, i) => {
    current.push(t);
    chars += t[0].length + t[1].length + (t[2]?.length ?? 0);
    if (chars >= BLOCK_CHARS || i === texts.length - 1) {
      blocks.push({ first, count: current.length, texts: current });
      first = i + 1;
      current = [];
      chars = 0;
    }
  });
  return blocks;
}

// The script text has no '<', so no text in the data can close the script element it sits in. memLevel 9
// (the most memory zlib allows) finds a few more matches than the default 8 at no cost to the reader.
function pack(value: unknown): string {
  return bytesToScriptText(gzipSync(JSON.stringify(value), { level: 9, memLevel: 9 }));
}

function hash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}
