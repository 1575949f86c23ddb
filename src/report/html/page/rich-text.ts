// Page script: model text as text nodes, with LaTeX rendered by KaTeX and the answer's span marked.
/// <reference lib="dom" />
import type { Page } from './page-api.js';

/** Adds `rich` to the page. */
export function installRichText(page: Page): void {
  interface Segment {
    start: number;
    end: number;
    tex: string | null;
    display: boolean;
  }

  // Where a \boxed{...} (balanced braces) ends, or -1.
  function closeBrace(text: string, open: number): number {
    let depth = 0;
    for (let i = open; i < text.length; i++) {
      const ch = text[i];
      if (ch === '\\') i++;
      else if (ch === '{') depth++;
      else if (ch === '}' && --depth === 0) return i;
    }
    return -1;
  }

  // Math delimiters: $$..$$, \[..\], \(..\), $..$ (no space inside the dollars, no digit after:
  // "$5 and $10" stays text), and a bare \boxed{...}.
  function segments(text: string): Segment[] {
    const found: Segment[] = [];
    let plain = 0;
    let i = 0;
    const push = (start: number, end: number, tex: string, display: boolean) => {
      if (start > plain) found.push({ start: plain, end: start, tex: null, display: false });
      found.push({ start, end, tex, display });
      plain = end;
      i = end;
    };
    const rest = (prefix: string, at: number) => text.startsWith(prefix, at);
    while (i < text.length) {
      if (rest('$$', i)) {
        const close = text.indexOf('$$', i + 2);
        if (close > i + 2) {
          push(i, close + 2, text.slice(i + 2, close), true);
          continue;
        }
      } else if (rest('\\[', i) || rest('\\(', i)) {
        const display = text[i + 1] === '[';
        const close = text.indexOf(display ? '\\]' : '\\)', i + 2);
        if (close > i + 2) {
          push(i, close + 2, text.slice(i + 2, close), display);
          continue;
        }
      } else if (text[i] === '$' && text[i - 1] !== '\\') {
        const close = text.indexOf('$', i + 1);
        const inner = close > i + 1 ? text.slice(i + 1, close) : '';
        if (inner && !/^\s|\s$|\n/.test(inner) && inner.length <= 300 && !/\d/.test(text[close + 1] ?? '')) {
          push(i, close + 1, inner, false);
          continue;
        }
      } else if (rest('\\boxed{', i)) {
        const close = closeBrace(text, i + 6);
        if (close > 0) {
          push(i, close + 1, text.slice(i, close + 1), false);
          continue;
        }
      }
      i++;
    }
    if (plain < text.length) found.push({ start: plain, end: text.length, tex: null, display: false });
    return found;
  }

  function math(tex: string, display: boolean, source: string): Node {
    const katex = page.katex();
    const holder = page.h(display ? 'div' : 'span', { class: display ? 'math display' : 'math' });
    // Commands that only act with trust: shown as the source they are (KaTeX would draw them as errors).
    if (!katex || /\\(?:href|url|includegraphics|html\w*)\b/.test(tex)) {
      holder.textContent = source;
      return holder;
    }
    try {
      // trust: false keeps \href, \url, \includegraphics and \html* from doing anything.
      katex.render(tex, holder, { throwOnError: false, displayMode: display, trust: false, strict: 'ignore', maxSize: 20, maxExpand: 300 });
    } catch {
      holder.textContent = source;
    }
    return holder;
  }

  page.rich = (text, span) => {
    const fragment = document.createDocumentFragment();
    for (const s of segments(text)) {
      const inSpan = span && s.start < span[1] && span[0] < s.end;
      if (s.tex !== null) {
        const node = math(s.tex, s.display, text.slice(s.start, s.end));
        fragment.append(inSpan ? page.h('mark', { title: 'the answer was read here' }, node) : node);
      } else if (inSpan && span) {
        const from = Math.max(s.start, span[0]);
        const to = Math.min(s.end, span[1]);
        fragment.append(text.slice(s.start, from), page.h('mark', { title: 'the answer was read here', text: text.slice(from, to) }), text.slice(to, s.end));
      } else {
        fragment.append(text.slice(s.start, s.end));
      }
    }
    return fragment;
  };
}
