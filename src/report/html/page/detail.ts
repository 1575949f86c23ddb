// Page script: one case in full: its vote, and each sample's answer, rule, content, reasoning and usage.
/// <reference lib="dom" />
import type { PageCase, PageSample, SampleTexts } from '../data.js';
import type { Page } from './page-api.js';

/** Adds `renderDetail` to the page. */
export function installDetail(page: Page): void {
  const { h, fmt } = page;
  const OPEN_UP_TO = 8;
  let shown: PageCase | null = null;

  function reasoningBlock(s: PageSample, reasoning: string): HTMLElement | null {
    if (!s.reasoningChars) return null;
    const chars = s.reasoningChars;
    const source = s.reasoningSource && s.reasoningSource !== 'none' ? `, from ${s.reasoningSource === 'think' ? '<think> tags' : s.reasoningSource}` : '';
    const body = h('div', { class: 'text reasoning' });
    const block = h('details', { class: 'reasoning-box' }, h('summary', { text: `Reasoning (${fmt.int(chars)} characters${source})` }), body);
    // Rendered when first opened: a long reasoning costs nothing until someone reads it.
    block.addEventListener('toggle', () => {
      if (!(block as HTMLDetailsElement).open || body.childNodes.length) return;
      if (!s.trimmed) {
        body.append(page.rich(reasoning));
        return;
      }
      body.append(
        page.rich(reasoning.slice(0, s.trimmed.at)),
        h('div', { class: 'trim-note', text: `[… ${fmt.int(s.trimmed.chars)} characters cut from the middle of this reasoning (--max-reasoning-chars) …]` }),
        page.rich(reasoning.slice(s.trimmed.at)),
      );
    });
    return block;
  }

  function sample(s: PageSample, open: boolean, texts: SampleTexts): HTMLElement {
    const [content, reasoning, judgement] = texts;
    const span: [number, number] | null = s.span && [content.length - s.span[0] - s.span[1], content.length - s.span[0]];
    const verdict = s.outcome === 'error' ? 'error' : s.answer === null ? s.outcome.replace('_', ' ') : s.correct ? 'right' : 'wrong';
    const tone = verdict === 'right' ? 'ok' : verdict === 'wrong' || verdict === 'error' ? 'bad' : 'warn';
    const flags = [s.forced ? 'forced' : '', s.cached ? 'cached' : ''].filter(Boolean).join(', ');
    const usage = s.usage
      ? `${fmt.int(s.usage.total)} tokens (prompt ${fmt.int(s.usage.prompt)}, completion ${fmt.int(s.usage.completion)}, reasoning ${fmt.int(s.usage.reasoning)})`
      : 'no usage reported';
    const timing = `${fmt.ms(s.latencyMs)}${s.firstTokenMs !== null ? `, first token ${fmt.ms(s.firstTokenMs)}` : ''}`;
    return h(
      'details',
      { class: 'sample', open, 'data-sample': String(s.index) },
      h(
        'summary',
        null,
        h('span', { class: 'sample-index', text: `#${s.index + 1}` }),
        h('span', { class: `badge ${tone}`, text: verdict }),
        h('span', { class: 'sample-answer', text: s.answer ?? '(no answer)' }),
        s.rule ? h('span', { class: 'rule', text: `rule: ${s.rule}` }) : null,
        h('span', {
          class: 'muted',
          text: `${s.finishReason ?? 'no finish reason'} · ${fmt.ms(s.latencyMs)}${s.usage ? ` · ${fmt.int(s.usage.total)} tok` : ''}${flags ? ` · ${flags}` : ''}`,
        }),
      ),
      s.error ? h('p', { class: 'error', text: `${s.error.code}: ${s.error.message}` }) : null,
      h('div', { class: 'label', text: 'Final content' }),
      content ? h('div', { class: 'text content' }, page.rich(content, span)) : h('p', { class: 'muted', text: '(empty)' }),
      reasoningBlock(s, reasoning),
      judgement ? h('details', { class: 'reasoning-box' }, h('summary', { text: 'Judge' }), h('div', { class: 'text', text: judgement })) : null,
      h('p', { class: 'muted small', text: `${usage}; ${timing}${s.score !== null ? `; verifier score ${s.score}` : ''}` }),
    );
  }

  page.renderDetail = (c: PageCase | null) => {
    const section = document.getElementById('detail')!;
    if (!c) {
      shown = null;
      section.replaceChildren();
      return;
    }
    const indices = Array.from({ length: c.sampleCount }, (_, i) => c.firstSample + i);
    const ready = indices.every((i) => page.textsNow(i) !== null);
    const verdict = c.credit === null ? 'no samples' : c.tie ? `tie: credit ${fmt.pct(c.credit)}` : c.correct ? 'right' : 'wrong';
    const votes = c.votes.map((v) =>
      h('li', { class: v.correct ? 'ok' : 'bad' }, h('span', { class: 'vote-answer', text: v.answer }), ` ×${v.count}${v.correct ? ' (right)' : ''}`),
    );
    if (c.abstained) votes.push(h('li', { class: 'muted', text: `no vote ×${c.abstained}` }));
    section.replaceChildren(
      h('h2', null, 'Case ', h('span', { class: 'case-id', text: c.id })),
      h(
        'dl',
        { class: 'meta' },
        h('div', { class: 'meta-item' }, h('dt', { text: 'expected' }), h('dd', { text: c.expected })),
        h('div', { class: 'meta-item' }, h('dt', { text: 'majority answer' }), h('dd', { text: c.answer ?? '(no answer)' })),
        h('div', { class: 'meta-item' }, h('dt', { text: 'verdict' }), h('dd', { text: verdict })),
        h('div', { class: 'meta-item' }, h('dt', { text: 'margin' }), h('dd', { text: c.margin.toFixed(2) })),
        c.tags.length ? h('div', { class: 'meta-item' }, h('dt', { text: 'tags' }), h('dd', { text: c.tags.join(', ') })) : null,
      ),
      h('ul', { class: 'vote-list' }, ...votes),
      ready
        ? h('div', { class: 'samples' }, ...indices.map((i) => sample(page.sample(i), c.sampleCount <= OPEN_UP_TO, page.textsNow(i) ?? ['', '', null])))
        : h('p', { class: 'muted', id: 'samples-loading', text: 'Reading the samples…' }),
    );
    shown = c;
    // The samples' texts are decoded on first use: draw them once they are in.
    if (!ready) {
      page.loadTexts(indices).then(
        () => shown === c && page.renderDetail(c),
        (error: Error) => section.append(h('p', { class: 'error', text: `The samples could not be read: ${error.message}` })),
      );
    }
  };
}
