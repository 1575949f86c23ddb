// Turns dataset rows into raw cases: the block's own checks, filter and limit, then `{{field}}` templates per row.
import { RE2JS } from 're2js';
import type { DatasetSpec } from '../schema/suite.js';
import type { DatasetRow } from './dataset-formats.js';
import type { PathKey } from './locate.js';
import { checkTemplates, lookUp, MissingFieldError, renderValue } from './template.js';

/** Keys of a dataset block that configure the reading; every other key is a case field template. */
export const DATASET_OPTIONS = ['path', 'format', 'filter', 'limit'] as const;

// Fields a case holds as text: a template that yields a number (an integer id) is turned into text.
const TEXT_FIELDS = new Set(['id', 'prompt', 'system', 'instructions', 'rubric', 'module']);

/** The case-field templates of a dataset block; `id` defaults to "{{id}}". */
export function caseTemplates(spec: DatasetSpec): Record<string, unknown> {
  const templates: Record<string, unknown> = { id: '{{id}}' };
  for (const [key, value] of Object.entries(spec)) {
    if (!(DATASET_OPTIONS as readonly string[]).includes(key)) templates[key] = value;
  }
  return templates;
}

/** The first problem with a dataset block itself, as a path under `dataset` and a message. */
export function checkDatasetSpec(spec: DatasetSpec): { path: PathKey[]; message: string } | undefined {
  // Unknown keys never get here: DatasetSpec is strict, with every case field as an optional key.
  const problem = checkTemplates(caseTemplates(spec));
  if (problem) return problem;
  for (const [field, condition] of Object.entries(spec.filter ?? {})) {
    if (typeof condition !== 'object' || Array.isArray(condition)) continue;
    try {
      RE2JS.compile(condition.matches);
    } catch (error) {
      const reason = (error as Error).message.replace(/^error parsing regexp:\s*/, '');
      return {
        path: ['filter', field, 'matches'],
        message: `not a valid regular expression for RE2 (linear time; no lookarounds or backreferences): ${reason}`,
      };
    }
  }
  return undefined;
}

const same = (value: unknown, wanted: string | number | boolean): boolean => value !== undefined && (value === wanted || String(value) === String(wanted));

type Condition = (value: unknown) => boolean;

// Each filter condition as a test of one value: equal as text, any of a list, or found by an RE2 pattern.
function conditions(filter: DatasetSpec['filter']): Array<[field: string, test: Condition]> {
  return Object.entries(filter ?? {}).map(([field, condition]): [string, Condition] => {
    if (Array.isArray(condition)) return [field, (value) => condition.some((wanted) => same(value, wanted))];
    if (typeof condition === 'object') {
      const pattern = RE2JS.compile(condition.matches);
      return [field, (value) => value !== undefined && typeof value !== 'object' && pattern.matcher(String(value)).find()];
    }
    return [field, (value) => same(value, condition)];
  });
}

/** Whether a row meets every condition: a value (equal as text), any of a list, or `matches` a pattern (RE2, unanchored). */
export function matchesFilter(values: Record<string, unknown>, filter: DatasetSpec['filter']): boolean {
  return conditions(filter).every(([field, test]) => test(lookUp(values, field)));
}

/** The rows a dataset block selects: those that pass the filter, then the first `limit` of them. */
export function selectRows(rows: readonly DatasetRow[], spec: DatasetSpec): DatasetRow[] {
  const tests = conditions(spec.filter);
  const kept = rows.filter((row) => tests.every(([field, test]) => test(lookUp(row.values, field))));
  return spec.limit === undefined ? kept : kept.slice(0, spec.limit);
}

/** A row whose values a template names but lacks: which template key, which field. */
export interface MissingField {
  key: string;
  field: string;
}

/**
 * One row as a raw case: each template filled from the row (plus `_index`, its 0-based index in
 * the file, unless the row has a field of that name). Not yet validated.
 */
export function rowCase(templates: Record<string, unknown>, row: DatasetRow): { fields: Record<string, unknown> } | { missing: MissingField } {
  const scope = '_index' in row.values ? row.values : { ...row.values, _index: row.index };
  const fields: Record<string, unknown> = {};
  for (const [key, template] of Object.entries(templates)) {
    let value: unknown;
    try {
      value = renderValue(template, scope);
    } catch (error) {
      if (error instanceof MissingFieldError) return { missing: { key, field: error.field } };
      throw error;
    }
    if (TEXT_FIELDS.has(key) && (typeof value === 'number' || typeof value === 'boolean')) value = String(value);
    if (key === 'tags' && Array.isArray(value)) value = value.map((tag) => (typeof tag === 'number' ? String(tag) : tag));
    fields[key] = value;
  }
  return { fields };
}
