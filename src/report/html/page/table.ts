// Page script: the case table: sort, filters, search, and only the visible rows in the DOM.
/// <reference lib="dom" />
import type { PageCase } from '../data.js';
import type { Page } from './page-api.js';

/** Adds `renderTable` and `openCase` to the page. */
export function installTable(page: Page): void {
  const { h, fmt } = page;
  const ROW = 30;
  const OVERSCAN = 8;
  const verdictOf = (c: PageCase) => (c.credit === null ? 'unsampled' : c.tie ? `tie ${Math.round(c.credit * 100)}%` : c.correct ? 'right' : 'wrong');
  const FILTERS: [string, string, (c: PageCase) => boolean][] = [
    ['wrong', 'wrong', (c) => c.credit !== null && c.credit < 1],
    ['tie', 'tie', (c) => c.tie],
    ['truncated', 'truncated', (c) => c.truncated > 0],
    ['forced', 'forced', (c) => c.forced > 0],
    ['errors', 'errors', (c) => c.errors > 0],
  ];
  const COLUMNS: [string, string, (c: PageCase) => string | number][] = [
    ['id', 'case', (c) => c.id],
    ['tags', 'tags', (c) => c.tags.join(' ')],
    ['expected', 'expected', (c) => c.expected],
    ['answer', 'majority answer', (c) => c.answer ?? ''],
    ['votes', 'votes', (c) => (c.votes[0]?.count ?? 0) / Math.max(1, c.sampleCount)],
    ['margin', 'margin', (c) => c.margin],
    ['verdict', 'verdict', (c) => c.credit ?? -1],
    ['tokens', 'tokens', (c) => c.tokens],
    ['latency', 'latency', (c) => c.latencyMs],
  ];
  const state = { filters: new Set<string>(), search: '', sort: -1, descending: false, selected: -1, rows: [] as number[] };
  let viewport: HTMLElement;
  let spacer: HTMLElement;
  let counter: HTMLElement;
  let drawn = '';

  function visibleRows(): number[] {
    const cases = page.currentRun().cases;
    const checks = FILTERS.filter(([key]) => state.filters.has(key)).map(([, , test]) => test);
    const needle = state.search.trim().toLowerCase();
    const rows: number[] = [];
    cases.forEach((c, i) => {
      if (!checks.every((test) => test(c))) return;
      if (needle && !`${c.id}\n${c.tags.join(' ')}\n${c.expected}\n${c.answer ?? ''}`.toLowerCase().includes(needle)) return;
      rows.push(i);
    });
    if (state.sort >= 0) {
      const key = COLUMNS[state.sort]![2];
      const sign = state.descending ? -1 : 1;
      rows.sort((a, b) => {
        const x = key(cases[a]!);
        const y = key(cases[b]!);
        return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y), undefined, { numeric: true })) || a - b;
      });
    }
    return rows;
  }

  function voteBar(c: PageCase): HTMLElement {
    const total = Math.max(1, c.sampleCount);
    const bar = h('div', {
      class: 'votebar',
      title: [...c.votes.map((v) => `${v.answer} ×${v.count}${v.correct ? ' (right)' : ''}`), c.abstained ? `no vote ×${c.abstained}` : '']
        .filter(Boolean)
        .join('\n'),
    });
    for (const v of c.votes) {
      const seg = h('span', { class: v.correct ? 'seg right' : 'seg wrong' });
      seg.style.width = `${(v.count / total) * 100}%`;
      bar.append(seg);
    }
    if (c.abstained) {
      const seg = h('span', { class: 'seg none' });
      seg.style.width = `${(c.abstained / total) * 100}%`;
      bar.append(seg);
    }
    return h('div', { class: 'votes' }, bar, h('span', { class: 'votecount', text: `${c.votes[0]?.count ?? 0}/${c.sampleCount}` }));
  }

  function row(index: number, position: number): HTMLElement {
    const c = page.currentRun().cases[index]!;
    const verdict = verdictOf(c);
    const tone = verdict === 'right' ? 'ok' : verdict === 'wrong' ? 'bad' : 'warn';
    const el = h(
      'div',
      { class: `row${index === state.selected ? ' selected' : ''}`, 'data-case': c.id, role: 'row' },
      h('span', { class: 'cell id', text: c.id, title: c.id }),
      h('span', { class: 'cell tags', text: c.tags.join(', ') }),
      h('span', { class: 'cell', text: c.expected, title: c.expected }),
      h('span', { class: 'cell', text: c.answer ?? '(no answer)', title: c.answer ?? '' }),
      voteBar(c),
      h('span', { class: 'cell num', text: c.margin.toFixed(2) }),
      h('span', { class: `cell verdict ${tone}`, text: verdict }),
      h('span', { class: 'cell num', text: fmt.int(c.tokens) }),
      h('span', { class: 'cell num', text: fmt.ms(c.latencyMs) }),
    );
    el.style.top = `${position * ROW}px`;
    el.tabIndex = 0;
    el.addEventListener('click', () => page.openCase(c.id));
    el.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' || event.key === ' ') {
        event.preventDefault();
        page.openCase(c.id);
      }
    });
    return el;
  }

  function draw(force = false): void {
    const first = Math.max(0, Math.floor(viewport.scrollTop / ROW) - OVERSCAN);
    const last = Math.min(state.rows.length, Math.ceil((viewport.scrollTop + viewport.clientHeight) / ROW) + OVERSCAN);
    const key = `${first}:${last}:${state.selected}`;
    if (!force && key === drawn) return;
    drawn = key;
    const rows: HTMLElement[] = [];
    for (let p = first; p < last; p++) rows.push(row(state.rows[p]!, p));
    spacer.replaceChildren(...rows);
  }

  function refresh(): void {
    state.rows = visibleRows();
    spacer.style.height = `${state.rows.length * ROW}px`;
    viewport.style.height = `${Math.min(Math.max(state.rows.length, 3), 18) * ROW + 2}px`;
    const total = page.currentRun().cases.length;
    counter.textContent = state.rows.length === total ? `${fmt.int(total)} cases` : `${fmt.int(state.rows.length)} of ${fmt.int(total)} cases`;
    draw(true);
  }

  page.renderTable = () => {
    const cases = page.currentRun().cases;
    const toggles = FILTERS.map(([key, label, test]) => {
      const input = h('input', { type: 'checkbox', 'data-filter': key }) as HTMLInputElement;
      input.checked = state.filters.has(key);
      input.addEventListener('change', () => {
        if (input.checked) state.filters.add(key);
        else state.filters.delete(key);
        viewport.scrollTop = 0;
        refresh();
      });
      return h('label', { class: 'filter' }, input, ` ${label} (${fmt.int(cases.filter(test).length)})`);
    });
    const search = h('input', { type: 'search', placeholder: 'search id, tag, answer', id: 'case-search', 'aria-label': 'search cases' }) as HTMLInputElement;
    search.value = state.search;
    search.addEventListener('input', () => {
      state.search = search.value;
      viewport.scrollTop = 0;
      refresh();
    });
    const head = h(
      'div',
      { class: 'row head', role: 'row' },
      ...COLUMNS.map(([key, label], i) => {
        const arrow = state.sort === i ? (state.descending ? ' ▼' : ' ▲') : '';
        const button = h('button', { class: 'cell sort', 'data-sort': key, text: label + arrow });
        button.addEventListener('click', () => {
          state.descending = state.sort === i ? !state.descending : false;
          state.sort = i;
          page.renderTable();
        });
        return button;
      }),
    );
    counter = h('span', { class: 'counter', id: 'case-count' });
    spacer = h('div', { class: 'spacer' });
    viewport = h('div', { class: 'viewport', id: 'case-rows', role: 'rowgroup' }, spacer);
    viewport.addEventListener('scroll', () => requestAnimationFrame(() => draw()), { passive: true });
    document.getElementById('cases')!.replaceChildren(
      h('h2', { text: 'Cases' }),
      h('div', { class: 'controls' }, search, ...toggles, counter),
      h('div', { class: 'table', role: 'table' }, head, viewport),
      h('p', {
        class: 'note',
        text: 'Filters combine: every ticked one must hold. Click a case to see its samples; its address (#case-id) links straight to it.',
      }),
    );
    refresh();
  };

  page.openCase = (id, run) => {
    const runs = page.data.runs;
    const order = run !== undefined ? [run] : [page.run, ...runs.map((_, i) => i).filter((i) => i !== page.run)];
    const target = order.find((r) => runs[r]?.cases.some((c) => c.id === id));
    if (target === undefined) return false;
    if (target !== page.run) page.selectRun(target);
    const index = page.currentRun().cases.findIndex((c) => c.id === id);
    state.selected = index;
    let position = state.rows.indexOf(index);
    if (position < 0) {
      // Filtered out: clear the filters so the case can be shown in place.
      state.filters.clear();
      state.search = '';
      page.renderTable();
      position = state.rows.indexOf(index);
    }
    const top = position * ROW;
    if (top < viewport.scrollTop || top + ROW > viewport.scrollTop + viewport.clientHeight) viewport.scrollTop = Math.max(0, top - 3 * ROW);
    draw(true);
    page.renderDetail(page.currentRun().cases[index]!);
    const hash = `#${encodeURIComponent(id)}`;
    if (decodeURIComponent(location.hash) !== `#${id}`) history.replaceState(null, '', hash);
    return true;
  };
}
