// A suite's `dataset:` block: finds and reads its file, then makes and validates one case per selected row.
import { isAbsolute, join } from 'node:path';
import { invalidInput } from '../errors.js';
import type { Case, DatasetSpec, RawSuite } from '../schema/suite.js';
import { caseTemplates, checkDatasetSpec, rowCase, selectRows } from './dataset.js';
import { formatOfPath } from './dataset-formats.js';
import { readDataset, rowPlace, type DatasetTable } from './dataset-read.js';
import type { Fail, PreparedSuite } from './load.js';
import { formatPath, type PathKey } from './locate.js';

type Defaults = NonNullable<RawSuite['defaults']>;
type ResolveRowCase = (defaults: Defaults, fields: Record<string, unknown>, fail: Fail) => Case;

/** Where a dataset path leads: relative to the suite file unless absolute. */
export function datasetPath(suiteFile: string, path: string): string {
  return isAbsolute(path) ? path : join(suiteFile, '..', path);
}

/** Reads the file a suite's `dataset` names, after checking the block itself. */
export async function readSuiteDataset(prepared: PreparedSuite): Promise<DatasetTable> {
  const spec = prepared.suite.dataset!;
  checkSpec(prepared, spec);
  const file = datasetPath(prepared.file, spec.path);
  const format = spec.format ?? formatOfPath(file);
  if (!format) {
    prepared.fail(['dataset', 'path'], 'cannot tell the format from the file name (.jsonl, .csv, .parquet): set dataset.format');
  }
  return readDataset(file, format!, file, prepared.where(['dataset', 'path']));
}

function checkSpec(prepared: PreparedSuite, spec: DatasetSpec): void {
  const problem = checkDatasetSpec(spec);
  if (problem) prepared.fail(['dataset', ...problem.path], problem.message);
}

/**
 * The cases of the selected rows, each validated as a written case would be. `firstUse` maps the
 * ids already taken (by `cases:`) to where; errors name the dataset row and the template at fault.
 */
export function datasetCases(
  prepared: PreparedSuite,
  spec: DatasetSpec,
  table: DatasetTable,
  firstUse: Map<string, string>,
  resolveRowCase: ResolveRowCase,
): Case[] {
  checkSpec(prepared, spec);
  const { doc, where } = prepared;
  const templates = caseTemplates(spec);
  const rows = selectRows(table.rows, spec);
  if (rows.length === 0) {
    prepared.fail(['dataset', 'filter'], `no row of ${table.file} passes the filter (${table.rows.length} rows read)`);
  }
  const defaults = prepared.suite.defaults ?? {};
  return rows.map((row) => {
    const place = rowPlace(table.file, row);
    const made = rowCase(templates, row);
    if ('missing' in made) {
      const { key, field } = made.missing;
      const byDefault = key === 'id' && !('id' in spec) ? ' (by default "{{id}}")' : '';
      throw invalidInput(`${place}: the row has no field "${field}", which ${where(['dataset', key])}${byDefault} names.`);
    }
    const id = typeof made.fields.id === 'string' ? made.fields.id : JSON.stringify(made.fields.id);
    const fail: Fail = (path, message) => {
      // Blame the template that made the value, else the default that supplied it, else the block.
      const key = path[0];
      const source: PathKey[] =
        typeof key === 'string' && key in templates ? ['dataset', ...path] : doc.hasIn(['defaults', ...path]) ? ['defaults', ...path] : ['dataset'];
      const field = formatPath(path);
      throw invalidInput(`${place}${field ? ` ${field}` : ''}: ${message} (case "${id}", made by ${where(source)})`);
    };
    const resolved = resolveRowCase(defaults, made.fields, fail);
    const first = firstUse.get(resolved.id);
    if (first !== undefined) fail(['id'], `duplicate case id "${resolved.id}" (first used by ${first})`);
    firstUse.set(resolved.id, place);
    return resolved;
  });
}
