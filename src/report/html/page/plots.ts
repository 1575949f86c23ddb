// Page script: inline SVG plots: maj@k and pass@k against k (log2), accuracy against reasoning tokens (log10).
/// <reference lib="dom" />
import type { Page } from './page-api.js';

/** Adds `renderPlots` to the page. */
export function installPlots(page: Page): void {
  const { h, svg, fmt } = page;
  const COLORS = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2', '#be185d', '#4d7c0f'];
  const W = 520;
  const H = 300;
  const M = { left: 52, right: 16, top: 28, bottom: 44 };

  interface Point {
    x: number;
    y: number;
    low: number | null;
    high: number | null;
    label?: string;
  }
  interface Series {
    name: string;
    color: string;
    points: Point[];
    band: boolean;
  }

  function logTicks(min: number, max: number, base: 2 | 10): number[] {
    const ticks: number[] = [];
    if (base === 2) {
      for (let t = 1; t <= max * 1.0001; t *= 2) if (t >= min / 1.0001) ticks.push(t);
      // The largest k (n samples) is a point of every curve even when it is no power of 2.
      if (Number.isInteger(max) && max > 1 && !ticks.includes(max)) ticks.push(max);
      return ticks;
    }
    for (const mantissas of [
      [1, 2, 5],
      [1, 2, 3, 4, 5, 6, 7, 8, 9],
    ]) {
      ticks.length = 0;
      for (let e = Math.floor(Math.log10(min)); e <= Math.ceil(Math.log10(max)); e++) {
        for (const m of mantissas) {
          const t = m * 10 ** e;
          if (t >= min && t <= max) ticks.push(t);
        }
      }
      if (ticks.length >= 3) break;
    }
    return ticks;
  }

  function tickText(t: number): string {
    if (t >= 1_000_000) return `${+(t / 1_000_000).toPrecision(3)}M`;
    if (t >= 1000) return `${+(t / 1000).toPrecision(3)}k`;
    return String(+t.toPrecision(3));
  }

  function plot(title: string, xLabel: string, base: 2 | 10, series: Series[], id: string): HTMLElement {
    const xs = series.flatMap((s) => s.points.map((p) => p.x)).filter((x) => x > 0);
    let lo = Math.min(...xs);
    let hi = Math.max(...xs);
    // At least a factor of 4 (log10) or 2 (log2) across, so one point or close points still sit inside an axis.
    const spread = base === 10 ? 4 : 2;
    if (hi / lo < spread) {
      const middle = Math.sqrt(lo * hi);
      lo = middle / Math.sqrt(spread);
      hi = middle * Math.sqrt(spread);
    }
    if (base === 10) {
      lo /= 1.2;
      hi *= 1.2;
    }
    const x = (v: number) => M.left + ((Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo))) * (W - M.left - M.right);
    const y = (v: number) => H - M.bottom - v * (H - M.top - M.bottom);
    const root = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'plot', role: 'img', 'aria-label': title, 'data-plot': id });
    root.append(svg('text', { x: M.left, y: 16, class: 'plot-title', text: title }));
    for (let v = 0; v <= 1.0001; v += 0.2) {
      root.append(svg('line', { x1: M.left, x2: W - M.right, y1: y(v), y2: y(v), class: 'grid' }));
      root.append(svg('text', { x: M.left - 6, y: y(v) + 4, class: 'tick', 'text-anchor': 'end', text: `${Math.round(v * 100)}%` }));
    }
    for (const t of logTicks(lo, hi, base)) {
      root.append(svg('line', { x1: x(t), x2: x(t), y1: M.top, y2: H - M.bottom, class: 'grid' }));
      root.append(svg('text', { x: x(t), y: H - M.bottom + 16, class: 'tick', 'text-anchor': 'middle', text: tickText(t) }));
    }
    root.append(svg('text', { x: (M.left + W - M.right) / 2, y: H - 8, class: 'axis-label', 'text-anchor': 'middle', text: xLabel }));
    series.forEach((s) => {
      const pts = s.points.filter((p) => p.x > 0).sort((a, b) => a.x - b.x);
      const banded = pts.filter((p) => p.low !== null && p.high !== null);
      if (s.band && banded.length > 1) {
        const upper = banded.map((p) => `${x(p.x)},${y(p.high!)}`);
        const lower = banded.map((p) => `${x(p.x)},${y(p.low!)}`).reverse();
        root.append(svg('polygon', { points: [...upper, ...lower].join(' '), fill: s.color, class: 'band' }));
      }
      if (pts.length > 1) {
        root.append(svg('polyline', { points: pts.map((p) => `${x(p.x)},${y(p.y)}`).join(' '), stroke: s.color, class: 'line' }));
      }
      for (const p of pts) {
        if (!s.band && p.low !== null && p.high !== null) {
          root.append(svg('line', { x1: x(p.x), x2: x(p.x), y1: y(p.low), y2: y(p.high), stroke: s.color, class: 'errbar' }));
        }
        const dot = svg('circle', { cx: x(p.x), cy: y(p.y), r: 4, fill: s.color, class: 'dot' });
        dot.append(
          svg('title', {
            text: `${s.name}${p.label ? ` (${p.label})` : ''}: ${fmt.pct(p.y)} at ${fmt.int(p.x)}${p.low !== null ? `; 95% ${fmt.pct(p.low)}–${fmt.pct(p.high)}` : ''}`,
          }),
        );
        root.append(dot);
        if (p.label) root.append(svg('text', { x: x(p.x) + 7, y: y(p.y) - 7, class: 'point-label', text: p.label }));
      }
    });
    const legend = h(
      'figcaption',
      { class: 'legend' },
      ...series.map((s) => {
        const swatch = h('span', { class: 'swatch' });
        swatch.style.background = s.color;
        return h('span', { class: 'legend-item' }, swatch, s.name);
      }),
    );
    return h('figure', { class: 'plot-box' }, root, legend);
  }

  page.renderPlots = () => {
    const { runs } = page.data;
    const curve = (key: 'majAtK' | 'passAtK'): Series[] =>
      runs.map((run, i) => ({
        name: run.label,
        color: COLORS[i % COLORS.length]!,
        band: true,
        points: run[key].map((p) => ({ x: p.k, y: p.value, low: p.low, high: p.high })),
      }));
    const boxes: HTMLElement[] = [];
    if (runs.some((r) => r.majAtK.length)) {
      boxes.push(plot('maj@k: majority vote of k samples', 'samples k (log2)', 2, curve('majAtK'), 'maj'));
      boxes.push(plot('pass@k: any of k samples right', 'samples k (log2)', 2, curve('passAtK'), 'pass'));
    }
    const scaling = runs.filter((r) => r.summary.reasoningTokensPerCase > 0);
    const sameSuite = new Set(runs.map((r) => r.suite)).size === 1;
    if (runs.length > 1 && sameSuite && scaling.length > 1) {
      const models = [...new Set(scaling.map((r) => r.model))];
      const series = models.map((model, i) => ({
        name: model,
        color: COLORS[i % COLORS.length]!,
        band: false,
        points: scaling
          .filter((r) => r.model === model)
          .map((r) => ({
            x: r.summary.reasoningTokensPerCase,
            y: r.summary.accuracy,
            low: r.summary.ci95?.[0] ?? null,
            high: r.summary.ci95?.[1] ?? null,
            label: r.label === model ? '' : r.label.slice(model.length).trim(),
          })),
      }));
      // A model's runs are joined by a line; the error bars are each run's own 95% interval.
      boxes.push(plot('accuracy against thinking', 'mean reasoning tokens per case (log)', 10, series, 'scaling'));
    }
    const section = document.getElementById('plots')!;
    section.replaceChildren(
      h('h2', { text: 'Test-time scaling' }),
      boxes.length ? h('div', { class: 'plots' }, ...boxes) : h('p', { class: 'note', text: 'No curve: no case has samples.' }),
    );
  };
}
