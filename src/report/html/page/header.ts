// Page script: the header (what was run, where, how) and the summary figures of the current run.
/// <reference lib="dom" />
import type { Page } from './page-api.js';

/** Adds `renderHeader` to the page. */
export function installHeader(page: Page): void {
  const { h, fmt } = page;

  function item(label: string, value: Node | string | null): HTMLElement | null {
    return value === null || value === '' ? null : h('div', { class: 'meta-item' }, h('dt', { text: label }), h('dd', null, value));
  }

  function figure(label: string, value: string, note: string | null, tone = ''): HTMLElement {
    return h(
      'div',
      { class: `figure ${tone}`.trim() },
      h('div', { class: 'figure-value', text: value }),
      h('div', { class: 'figure-label', text: label }),
      note ? h('div', { class: 'figure-note', text: note }) : null,
    );
  }

  page.renderHeader = () => {
    const { data } = page;
    const run = page.currentRun();
    const s = run.summary;
    document.title = `${run.suite}: ${run.label} · thinkbench report`;
    const top = document.getElementById('top')!;
    const picker = data.runs.length > 1 ? h('label', { class: 'run-picker' }, 'Run ', runSelect()) : null;
    const params = Object.entries(run.params)
      .map(([k, v]) => `${k}=${typeof v === 'string' ? v : JSON.stringify(v)}`)
      .join(' ');
    const adaptations = run.adaptations.map((a) => `${a.param}: ${a.action} (${a.reason})`).join('; ');
    const status = run.complete ? h('span', { class: 'badge ok', text: 'complete' }) : h('span', { class: 'badge warn', text: 'partial: cut short' });
    top.replaceChildren(
      ...present(
        h(
          'div',
          { class: 'title-row' },
          h('h1', null, h('span', { class: 'suite', text: run.suite }), ' ', h('span', { class: 'model', text: run.label })),
          picker,
        ),
        run.simulated ? h('p', { class: 'simulated', text: 'These figures come from the built-in simulated model, a test double, not a real model.' }) : null,
        h(
          'dl',
          { class: 'meta' },
          item('model', run.model),
          item('endpoint', run.baseUrl),
          item('status', status),
          item('parameters', params || 'none'),
          item('adaptations', adaptations || null),
          item('selection', run.selection === 'majority' ? null : run.selection),
          item('started', fmt.when(run.startedAt)),
          item('took', fmt.duration(run.startedAt, run.finishedAt)),
          item('re-scored', run.rescoredAt ? fmt.when(run.rescoredAt) : null),
          item('tokens', `${fmt.int(s.tokens.total)} (reasoning ${fmt.int(s.tokens.reasoning)}, prompt ${fmt.int(s.tokens.prompt)})`),
          item('cost', s.costUsd === null ? null : `$${s.costUsd.toFixed(s.costUsd < 1 ? 4 : 2)}`),
          item('file', run.file),
          item('written by', run.tool),
        ),
        data.maxReasoningChars !== null
          ? h('p', {
              class: 'note',
              text: `Reasoning longer than ${fmt.int(data.maxReasoningChars)} characters is shortened in this report (the middle is cut, with a note where).`,
            })
          : null,
      ),
    );

    const ci = s.ci95 ? `95% CI ${fmt.pct(s.ci95[0])} – ${fmt.pct(s.ci95[1])}` : null;
    const sampled = `${fmt.int(s.cases)} cases, ${fmt.int(s.samples)} samples`;
    document.getElementById('summary')!.replaceChildren(
      ...present(
        h(
          'div',
          { class: 'figures' },
          figure('accuracy (majority vote)', fmt.pct(s.accuracy), ci, 'main'),
          figure('pass@1 (per sample)', fmt.pct(s.pass1), sampled),
          figure('errors', fmt.int(s.errors), 'failed samples', s.errors ? 'bad' : ''),
          figure('no answer', fmt.int(s.noAnswer), 'samples', s.noAnswer ? 'warn' : ''),
          figure('truncated', fmt.int(s.truncated), 'hit the token limit', s.truncated ? 'warn' : ''),
          figure('ties', fmt.int(s.ties), 'cases', s.ties ? 'warn' : ''),
          figure('forced', fmt.int(s.forced), 'answers asked for at the time limit', s.forced ? 'warn' : ''),
          figure('latency p50', fmt.ms(s.latencyMs.p50), `p95 ${fmt.ms(s.latencyMs.p95)}`),
        ),
        s.rightInReasoning
          ? h('p', { class: 'note', text: `${s.rightInReasoning} wrong final answers had reached the right answer in their reasoning.` })
          : null,
        s.collapsed.length
          ? h('p', {
              class: 'note warn',
              text: `${s.collapsed.length} cases have byte-identical samples (a fixed seed or a caching server): their vote means nothing.`,
            })
          : null,
      ),
    );
  };

  function present(...nodes: (Node | null)[]): Node[] {
    return nodes.filter((node): node is Node => node !== null);
  }

  function runSelect(): HTMLElement {
    const select = h('select', { id: 'run-select', 'aria-label': 'run shown' }) as HTMLSelectElement;
    page.data.runs.forEach((run, i) => {
      select.append(h('option', { value: String(i), text: `${i === 0 ? 'base: ' : ''}${run.label}` }));
    });
    select.value = String(page.run);
    select.addEventListener('change', () => page.selectRun(Number(select.value)));
    return select;
  }
}
