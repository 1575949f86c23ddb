// Packs the page's samples as columns: one array per field, strings in one table, uniform fields once.
import type { PageSample, SampleColumns } from './data.js';

/** `samples` as SampleColumns; the page's `sample(i)` (page/samples.ts) gives back `samples[i]`. */
export function packSamples(samples: readonly PageSample[]): SampleColumns {
  const strings: string[] = [];
  const ids = new Map<string, number>();
  const idOf = (text: string): number => {
    let id = ids.get(text);
    if (id === undefined) {
      id = strings.push(text) - 1;
      ids.set(text, id);
    }
    return id;
  };
  const packed: SampleColumns = { count: samples.length, strings, tabled: [], uniform: {}, columns: {} };
  for (const key of Object.keys(samples[0] ?? {}) as (keyof PageSample)[]) {
    const values: unknown[] = samples.map((s) => s[key]);
    if (isUniform(values)) packed.uniform[key] = values[0];
    else if (values.every((v) => v === null || typeof v === 'string')) {
      packed.tabled.push(key);
      packed.columns[key] = values.map((v) => (v === null ? null : idOf(v as string)));
    } else packed.columns[key] = values;
  }
  return packed;
}

function isUniform(values: unknown[]): boolean {
  const [first] = values;
  if (first === null || typeof first !== 'object') return values.every((v) => v === first);
  // Objects (usage, span) compare by their JSON, which is all the page will see of them.
  const json = JSON.stringify(first);
  return values.every((v) => v !== null && typeof v === 'object' && JSON.stringify(v) === json);
}
