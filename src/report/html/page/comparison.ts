// Page script: the comparison of the base with each candidate: flips, McNemar, the delta, the leaderboard.
/// <reference lib="dom" />
import type { Page } from './page-api.js';

/** Adds `renderComparison` to the page. */
export function installComparison(page: Page): void {
  const { h, fmt } = page;

  function table(head: string[], rows: (Node | string)[][], className = ''): HTMLElement {
    return h(
      'table',
      { class: `plain ${className}`.trim() },
      h('thead', null, h('tr', null, ...head.map((t) => h('th', { text: t })))),
      h('tbody', null, ...rows.map((cells) => h('tr', null, ...cells.map((c) => h('td', null, c))))),
    );
  }

  // "right → wrong", or with a tie's share of credit: "tie 50% → right".
  function change(f: { direction: string; before: { credit: number | null }; after: { credit: number | null } }): string {
    const label = (credit: number | null, fallback: string) =>
      credit === null ? fallback : credit >= 1 ? 'right' : credit <= 0 ? 'wrong' : `tie ${Math.round(credit * 100)}%`;
    const regressed = f.direction === 'regressed';
    return `${label(f.before.credit, regressed ? 'right' : 'wrong')} → ${label(f.after.credit, regressed ? 'wrong' : 'right')}`;
  }

  function caseLink(id: string, run: number): HTMLElement {
    const link = h('a', { href: id, text: id, class: 'case-link' });
    link.addEventListener('click', (event) => {
      event.preventDefault();
      page.openCase(id, run);
    });
    return link;
  }

  page.renderComparison = () => {
    const section = document.getElementById('comparison')!;
    const comparison = page.data.comparison;
    if (!comparison) {
      section.replaceChildren();
      section.hidden = true;
      return;
    }
    const runs = page.data.runs;
    const parts: (HTMLElement | null)[] = [h('h2', { text: 'Comparison' })];
    for (const pair of comparison.pairs) {
      const base = runs[pair.base]!;
      const candidate = runs[pair.candidate]!;
      const verdict =
        pair.verdict === 'worse'
          ? 'significantly worse'
          : pair.verdict === 'better'
            ? 'significantly better'
            : pair.verdict === 'too_few_cases'
              ? 'too few cases to tell'
              : 'no significant change';
      const tone = pair.verdict === 'worse' ? 'bad' : pair.verdict === 'better' ? 'ok' : '';
      const ci = pair.ci95Delta ? ` (95% CI ${fmt.signedPct(pair.ci95Delta[0])} to ${fmt.signedPct(pair.ci95Delta[1])})` : '';
      const test = pair.test
        ? `Verdict from the ${pair.test.method} test on ${pair.test.statistic}: p = ${fmt.p(pair.test.pValue)}${pair.test.interval ? `, 95% interval ${fmt.signedPct(pair.test.interval[0])} to ${fmt.signedPct(pair.test.interval[1])}` : ''}. `
        : '';
      const regressed = pair.flips.filter((f) => f.direction === 'regressed');
      const improved = pair.flips.filter((f) => f.direction === 'improved');
      parts.push(
        h(
          'div',
          { class: 'pair', 'data-candidate': String(pair.candidate) },
          h('h3', null, h('span', { text: candidate.label }), ' against ', h('span', { text: `${base.label} (base)` })),
          h(
            'p',
            null,
            h('span', { class: `badge ${tone}`.trim(), text: verdict }),
            ` accuracy ${fmt.pct(pair.accuracy.base)} → ${fmt.pct(pair.accuracy.candidate)}, ${fmt.signedPct(pair.accuracy.delta)}${ci}; `,
            `pass@1 ${fmt.pct(pair.pass1.base)} → ${fmt.pct(pair.pass1.candidate)}; `,
            `${pair.pairedCases} paired cases, α = ${comparison.alpha}.`,
          ),
          h(
            'p',
            null,
            test,
            `McNemar exact p = ${fmt.p(pair.mcnemar.pValue)} on the majority verdicts (${pair.mcnemar.b} newly wrong, ${pair.mcnemar.c} newly right).`,
          ),
          ...pair.warnings.map((w) => h('p', { class: 'note warn', text: w })),
          pair.flips.length
            ? table(
                ['case', 'change', `${base.label}`, `${candidate.label}`],
                [...regressed, ...improved].map((f) => [
                  caseLink(f.id, pair.candidate),
                  h('span', { class: f.direction === 'regressed' ? 'flip bad' : 'flip ok', text: change(f) }),
                  `${f.before.answer ?? '(no answer)'} · ${f.before.votes}`,
                  `${f.after.answer ?? '(no answer)'} · ${f.after.votes}`,
                ]),
                'flips',
              )
            : h('p', { class: 'note', text: 'No case changed its verdict.' }),
        ),
      );
    }
    if (comparison.leaderboard.length > 1) {
      parts.push(
        h('h3', { text: 'Leaderboard' }),
        table(
          ['rank', 'run', 'accuracy', '95% CI', 'pass@1', 'maj@k', 'tokens per correct', 'latency p50'],
          comparison.leaderboard.map((row) => [
            `${row.rank}${row.best ? ' ★' : ''}`,
            runs[row.run]?.label ?? '?',
            fmt.pct(row.accuracy),
            row.ci95 ? `${fmt.pct(row.ci95[0])} – ${fmt.pct(row.ci95[1])}` : '–',
            fmt.pct(row.pass1),
            row.majAtK ? `maj@${row.majAtK.k} ${fmt.pct(row.majAtK.value)}` : '–',
            row.tokensPerCorrect === null ? '–' : fmt.int(row.tokensPerCorrect),
            fmt.ms(row.latencyP50Ms),
          ]),
          'leaderboard',
        ),
      );
    }
    section.hidden = false;
    section.replaceChildren(...parts.filter((p): p is HTMLElement => p !== null));
  };
}
