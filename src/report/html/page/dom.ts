// Page script: element builders that only ever set text and plain attributes, and number formats.
/// <reference lib="dom" />
import type { Page, Props } from './page-api.js';

/** Adds `h`, `svg` and `fmt` to the page. */
export function installDom(page: Page): void {
  page.h = (tag, props, ...children) => {
    const element = document.createElement(tag);
    for (const [key, value] of Object.entries(props ?? {}) as [keyof Props & string, unknown][]) {
      if (value === undefined || value === false) continue;
      if (key === 'text') element.textContent = String(value);
      else if (key === 'class') element.className = String(value);
      else if (key === 'open') element.setAttribute('open', '');
      // Links only ever point inside the page: a fragment, never a scheme.
      else if (key === 'href') element.setAttribute('href', `#${encodeURIComponent(String(value).replace(/^#/, ''))}`);
      else element.setAttribute(key, String(value));
    }
    for (const child of children) {
      if (child === null || child === undefined || child === false) continue;
      element.append(typeof child === 'string' ? document.createTextNode(child) : child);
    }
    return element;
  };

  page.svg = (tag, attributes, ...children) => {
    const element = document.createElementNS('http://www.w3.org/2000/svg', tag);
    for (const [key, value] of Object.entries(attributes ?? {})) {
      if (key === 'text') element.textContent = String(value);
      else element.setAttribute(key, String(value));
    }
    for (const child of children) if (child) element.append(child);
    return element;
  };

  const pct = (x: number | null) => (x === null || !Number.isFinite(x) ? '–' : `${(x * 100).toFixed(1)}%`);
  page.fmt = {
    pct,
    int: (x) => Math.round(x).toLocaleString('en-US'),
    ms: (x) => (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : `${Math.round(x)} ms`),
    p: (x) => (x < 0.001 ? x.toExponential(1) : x.toFixed(3)),
    signedPct: (x) => `${x > 0 ? '+' : x < 0 ? '−' : '±'}${Math.abs(x * 100).toFixed(1)} pts`,
    when: (iso) => {
      const date = new Date(iso);
      return Number.isNaN(date.getTime())
        ? iso
        : date
            .toISOString()
            .replace('T', ' ')
            .replace(/\.\d+Z$/, ' UTC');
    },
    duration: (from, to) => {
      const ms = new Date(to).getTime() - new Date(from).getTime();
      if (!Number.isFinite(ms) || ms < 0) return '';
      if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`;
      const minutes = Math.floor(ms / 60_000);
      return minutes < 60 ? `${minutes} min ${Math.round((ms % 60_000) / 1000)} s` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
    },
  };
  page.katex = () => (window as unknown as { katex?: Page['katex'] extends () => infer K ? K : never }).katex ?? null;
}
