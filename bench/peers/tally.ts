// Agreement tallies and their table: how often a rule's verdict matches the human's, overall and per dataset.

/** One rule's verdict on one row, beside the human's. */
export interface Judged {
  dataset: string;
  human: boolean;
  rule: boolean;
}

/** Agreement counts for one group of rows; `falsePass` = rule right where the human said wrong. */
export interface Tally {
  agree: number;
  total: number;
  falsePass: number;
  falseFail: number;
}

function tally(rows: readonly Judged[]): Tally {
  const t: Tally = { agree: 0, total: 0, falsePass: 0, falseFail: 0 };
  for (const r of rows) {
    t.total++;
    if (r.rule === r.human) t.agree++;
    else if (r.rule) t.falsePass++;
    else t.falseFail++;
  }
  return t;
}

/** The overall tally and one per dataset (datasets in first-seen order). */
export function tallies(rows: readonly Judged[]): { overall: Tally; byDataset: Map<string, Tally> } {
  const groups = new Map<string, Judged[]>();
  for (const r of rows) groups.set(r.dataset, [...(groups.get(r.dataset) ?? []), r]);
  return { overall: tally(rows), byDataset: new Map([...groups].map(([k, v]) => [k, tally(v)])) };
}

/** `0.952 (200/210)`. */
export function cell(t: Tally | undefined): string {
  if (!t || t.total === 0) return '-';
  return `${(t.agree / t.total).toFixed(3)} (${t.agree}/${t.total})`;
}

/** A plain-text table: one line per rule, columns overall, each dataset, and the two kinds of miss. */
export function agreementTable(results: ReadonlyArray<{ rule: string; rows: readonly Judged[] }>, datasets: readonly string[]): string {
  const header = ['rule', 'overall', ...datasets, 'false pass', 'false fail'];
  const lines = results.map(({ rule, rows }) => {
    const { overall, byDataset } = tallies(rows);
    return [rule, cell(overall), ...datasets.map((d) => cell(byDataset.get(d))), String(overall.falsePass), String(overall.falseFail)];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => (l[i] ?? '').length)));
  const show = (cells: readonly string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [show(header), show(widths.map((w) => '-'.repeat(w))), ...lines.map(show)].join('\n');
}
