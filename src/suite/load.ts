// Reads a YAML suite into a validated Suite, or fails with file:line:col and the field at fault.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { z } from 'zod';
import { invalidInput, ThinkbenchError } from '../errors.js';
import { Case, RawCase, RawSuite, type ChatMessage, type Suite } from '../schema/suite.js';
import { datasetCases, readSuiteDataset } from './dataset-cases.js';
import type { DatasetTable } from './dataset-read.js';
import { locate, type PathKey } from './locate.js';
import { checkExpectedMath } from '../score/math/index.js';
import { checkNumberExpected } from '../score/scorers/number.js';
import { checkPattern } from '../score/scorers/regex.js';

/** Loads, validates and resolves one suite file. Throws invalid_input errors that name the place. */
export async function loadSuite(path: string): Promise<Suite> {
  const shown = path;
  const source = await readSuiteFile(path);
  const prepared = prepareSuite(source, shown);
  return resolveSuite(prepared, prepared.suite.dataset ? await readSuiteDataset(prepared) : undefined);
}

async function readSuiteFile(path: string): Promise<string> {
  try {
    return await readFile(path, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw invalidInput(code === 'ENOENT' ? `${path}: no such suite file.` : `${path}: cannot read the suite (${code}).`);
  }
}

/**
 * Loads one suite file like loadSuite(), but on failure finds every problem it can: each zod issue,
 * each duplicate id and each case's first problem, as `file:line:col path: message` in file order.
 */
export async function checkSuite(path: string): Promise<{ suite: Suite; errors?: never } | { suite?: never; errors: string[] }> {
  const errors = new Set<string>();
  const record = (check: () => unknown): void => {
    try {
      check();
    } catch (error) {
      if (!(error instanceof ThinkbenchError)) throw error;
      errors.add(error.message);
    }
  };
  try {
    return { suite: await loadSuite(path) };
  } catch (error) {
    if (!(error instanceof ThinkbenchError)) throw error;
    errors.add(error.message);
  }
  let source: string;
  try {
    source = await readSuiteFile(path);
  } catch {
    return { errors: [...errors] };
  }
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, uniqueKeys: true });
  if (doc.errors.length > 0) return { errors: [...errors] }; // syntax: the first error is the one that counts
  const fail: Fail = (at, message) => {
    throw invalidInput(`${locate(doc, lineCounter, path, at)}: ${message}`);
  };
  const js = (doc.toJS() ?? {}) as Record<string, unknown>;
  const raw = RawSuite.safeParse(js);
  for (const issue of raw.error?.issues ?? []) {
    const keys = issue.code === 'unrecognized_keys' ? issue.keys : [undefined];
    for (const key of keys) record(() => failOnIssue(key === undefined ? issue : ({ ...issue, keys: [key] } as z.core.$ZodIssue), [], fail));
  }
  const defaults = RawSuite.shape.defaults.safeParse(js.defaults);
  const written = Array.isArray(js.cases) ? (js.cases as unknown[]) : [];
  if (written.length === 0 && js.dataset === undefined && (js.cases === undefined || Array.isArray(js.cases))) {
    record(() => fail(js.cases ? ['cases'] : [], 'a suite needs at least one case (list them under "cases" or draw them from a "dataset")'));
  }
  const seen = new Map<unknown, number>();
  written.forEach((item, index) => {
    const id = (item as { id?: unknown } | null)?.id;
    const first = seen.get(id);
    if (typeof id === 'string' && first !== undefined) {
      record(() => fail(['cases', index, 'id'], `duplicate case id "${id}" (first used by cases[${first}])`));
    }
    if (!seen.has(id)) seen.set(id, index);
    const rawCase = RawCase.safeParse(item);
    if (rawCase.success && defaults.success) {
      record(() => resolveCase(defaults.data ?? {}, rawCase.data, ['cases', index], blameDefaults(doc, ['cases', index], fail)));
    }
  });
  return { errors: sortByPlace([...errors], path) };
}

/** Messages in the order of their places in the file (`file:line:col`); those without a place first. */
function sortByPlace(messages: string[], file: string): string[] {
  const place = (message: string) => {
    const match = message.slice(file.length).match(/^:(\d+):(\d+)/);
    return match ? Number(match[1]) * 1e6 + Number(match[2]) : 0;
  };
  return messages
    .map((message, index) => ({ message, index, at: place(message) }))
    .sort((a, b) => a.at - b.at || a.index - b.index)
    .map((m) => m.message);
}

/** A case's `fail` that blames `defaults` for a merged field that the case does not set. */
function blameDefaults(doc: Document, base: PathKey[], fail: Fail): Fail {
  return (path, message) => {
    const fromDefaults = ['defaults', ...path.slice(base.length)];
    return fail(!doc.hasIn(path) && doc.hasIn(fromDefaults) ? fromDefaults : path, message);
  };
}

/**
 * Parses suite text; `file` is the name used in error messages. A suite with a `dataset` needs its
 * rows: `table` (from readDataset), or loadSuite(), which reads the file.
 */
export function parseSuite(source: string, file: string, table?: DatasetTable): Suite {
  const prepared = prepareSuite(source, file);
  if (prepared.suite.dataset && !table) throw new Error(`${file}: a suite with a dataset is read with loadSuite(), or given its rows`);
  return resolveSuite(prepared, table);
}

/** A suite file parsed and checked as written, before its cases are resolved. */
export interface PreparedSuite {
  source: string;
  file: string;
  doc: Document;
  suite: RawSuite;
  fail: Fail;
  /** `file:line:col path` of a place in the suite file. */
  where: (path: PathKey[]) => string;
}

function prepareSuite(source: string, file: string): PreparedSuite {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: true, uniqueKeys: true });
  const syntaxError = doc.errors[0];
  if (syntaxError) {
    const pos = syntaxError.linePos?.[0];
    const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
    const reason = syntaxError.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    throw invalidInput(`${where}: YAML syntax error: ${reason}`);
  }
  const fail = (path: PathKey[], message: string): never => {
    throw invalidInput(`${locate(doc, lineCounter, file, path)}: ${message}`);
  };

  const raw = RawSuite.safeParse(doc.toJS());
  if (!raw.success) failOnIssue(raw.error.issues[0]!, [], fail);
  const where = (path: PathKey[]) => locate(doc, lineCounter, file, path);
  return { source, file, doc, suite: raw.data!, fail, where };
}

function resolveSuite(prepared: PreparedSuite, table: DatasetTable | undefined): Suite {
  const { source, file, doc, suite, fail } = prepared;
  const written = suite.cases ?? [];
  if (written.length === 0 && !suite.dataset) {
    fail(suite.cases ? ['cases'] : [], 'a suite needs at least one case (list them under "cases" or draw them from a "dataset")');
  }
  const seen = new Map<string, number>();
  written.forEach((rawCase, index) => {
    const first = seen.get(rawCase.id);
    if (first !== undefined) {
      fail(['cases', index, 'id'], `duplicate case id "${rawCase.id}" (first used by cases[${first}])`);
    }
    seen.set(rawCase.id, index);
  });

  const cases = written.map((rawCase, index) => {
    const base = ['cases', index] as PathKey[];
    return resolveCase(suite.defaults ?? {}, rawCase, base, blameDefaults(doc, base, fail));
  });
  const hash = createHash('sha256').update(source);
  if (suite.dataset && table) {
    const firstUse = new Map([...seen].map(([id, index]) => [id, `cases[${index}]`]));
    cases.push(...datasetCases(prepared, suite.dataset, table, firstUse, resolveRowCase));
    hash.update(`\0dataset\0${table.sha256}`); // the suite's hash changes when its data does
  }

  return {
    name: suite.name,
    ...(suite.description !== undefined && { description: suite.description }),
    ...(suite.model !== undefined && { model: suite.model }),
    path: file,
    sha256: hash.digest('hex'),
    ...(suite.dataset && table && { dataset: { path: table.file, sha256: table.sha256, rows: table.rows.length } }),
    cases,
  };
}

/** Validates a case made from a dataset row as if written, then resolves it; paths given to `fail` are the case's own. */
export function resolveRowCase(defaults: NonNullable<RawSuite['defaults']>, fields: Record<string, unknown>, fail: Fail): Case {
  const raw = RawCase.safeParse(fields);
  if (!raw.success) failOnIssue(raw.error.issues[0]!, [], fail);
  return resolveCase(defaults, raw.data!, [], fail);
}

/** Merges defaults into one raw case and validates it; `fail` takes paths that start with `base`. */
export function resolveCase(defaults: NonNullable<RawSuite['defaults']>, rawCase: RawCase, base: PathKey[], fail: Fail): Case {
  const merged = mergeDefaults(defaults, rawCase);
  if (merged.prompt === undefined && merged.messages === undefined) {
    fail(base, 'a case needs a "prompt" or a list of "messages"');
  }
  if (merged.prompt !== undefined && merged.messages !== undefined) {
    fail([...base, 'messages'], 'give either "prompt" or "messages", not both');
  }
  if (merged.expected === undefined && merged.scorer !== 'code') fail(base, 'missing "expected" (the answer the case is scored against)');
  const parsed = Case.safeParse({ ...merged, messages: buildMessages(merged), timeoutMs: merged.timeout });
  if (!parsed.success) failOnIssue(parsed.error.issues[0]!, base, fail);
  const resolved = parsed.data!;
  // Each sample is its own request: `n` would make the endpoint bill n completions per sample and thinkbench read one.
  if (resolved.params.n !== undefined && resolved.params.n !== 1)
    fail([...base, 'params', 'n'], 'thinkbench draws each sample itself: leave out n and set samples (or --samples) instead');
  checkScorerSettings(resolved, base, fail);
  return resolved;
}

const MISSING_HINTS: Record<string, string> = {
  choices: ' (the choice scorer needs the list of options)',
  module: ' (the custom scorer needs the path of a module that exports a scoring function)',
};

/** Throws an invalid_input error about a place (a path in the suite or a case). */
export type Fail = (path: PathKey[], message: string) => never;

/** Fails with zod's first issue, its path under `base`, worded for the user. */
export function failOnIssue(issue: z.core.$ZodIssue, base: PathKey[], fail: Fail): never {
  const path = [...base, ...(issue.path as PathKey[])];
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0]!;
    return fail([...path, key], `unknown field "${key}"`);
  }
  const key = path.at(-1);
  if (issue.code === 'invalid_type' && / received undefined$/.test(issue.message) && typeof key === 'string') {
    return fail(path, `missing "${key}"${MISSING_HINTS[key] ?? ''}`);
  }
  return fail(path, issue.message);
}

function mergeDefaults(defaults: NonNullable<RawSuite['defaults']>, rawCase: RawCase) {
  return {
    scorer: 'text' as const,
    tags: [] as string[],
    ...defaults,
    ...rawCase,
    params: { ...defaults.params, ...rawCase.params },
  };
}

function buildMessages(c: { prompt?: string; messages?: ChatMessage[]; system?: string; instructions?: string }) {
  const messages: ChatMessage[] = c.prompt !== undefined ? [{ role: 'user', content: c.prompt }] : [...(c.messages ?? [])];
  if (c.instructions) {
    const lastUser = messages.findLastIndex((m) => m.role === 'user');
    if (lastUser >= 0) {
      const m = messages[lastUser]!;
      messages[lastUser] = { ...m, content: `${m.content.trimEnd()}\n\n${c.instructions}` };
    }
  }
  if (c.system !== undefined && !messages.some((m) => m.role === 'system' || m.role === 'developer')) {
    messages.unshift({ role: 'system', content: c.system });
  }
  return messages;
}

function checkScorerSettings(c: Case, base: PathKey[], fail: Fail): void {
  switch (c.scorer) {
    case 'choice':
      if (!c.choices.includes(String(c.expected))) {
        fail([...base, 'expected'], `expected "${c.expected}" is not one of the choices (${c.choices.join(', ')})`);
      }
      return;
    case 'regex': {
      const problem = checkPattern(c.expected);
      if (problem) fail([...base, 'expected'], problem);
      return;
    }
    case 'math': {
      const problem = checkExpectedMath(String(c.expected));
      if (problem) fail([...base, 'expected'], `the math scorer cannot read expected ${JSON.stringify(String(c.expected))}: ${problem}`);
      return;
    }
    case 'code':
      if (c.language === 'python' && !c.entryPoint && !/^\s*assert\b/m.test(c.tests)) {
        fail([...base, 'entryPoint'], 'missing "entryPoint": Python tests that define check(candidate) need the function to give it');
      }
      return;
    case 'number': {
      const problem = checkNumberExpected(c.expected);
      if (problem) fail([...base, 'expected'], problem);
      return;
    }
    case 'text':
      for (const [i, leadIn] of (c.leadIns ?? []).entries()) {
        const problem = checkPattern(leadIn);
        if (problem) fail([...base, 'leadIns', i], problem);
      }
      return;
    case 'judge':
      if (c.judge?.apiKeyEnv) {
        fail(
          [...base, 'judge', 'apiKeyEnv'],
          'a suite cannot choose which secret is sent where: name the judge key variable on the command line (--judge-api-key-env)',
        );
      }
      return;
    case 'custom':
      return;
    default:
      c satisfies never;
  }
}
