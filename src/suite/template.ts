// `{{field}}` templates for cases drawn from dataset rows: plain substitution, dotted paths, no escaping.

/** One piece of a parsed template: literal text, or a field path to look up in the row. */
export type TemplatePart = { text: string } | { field: string };

const PLACEHOLDER = /\{\{\s*([^{}]*?)\s*\}\}/g;
const FIELD_PATH = /^[\p{L}_][\p{L}\p{N}_-]*(?:\.[\p{L}\p{N}_-]+)*$/u;

/** Thrown for a template that cannot be parsed; the loader adds where it is. */
export class TemplateSyntaxError extends Error {}

/** Splits a template into literal text and `{{path}}` placeholders, or throws TemplateSyntaxError. */
export function parseTemplate(template: string): TemplatePart[] {
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const field = match[1]!;
    if (!FIELD_PATH.test(field)) {
      throw new TemplateSyntaxError(`"{{${field}}}" is not a field name (letters, digits, _ and -, dotted for nested fields)`);
    }
    if (match.index > last) parts.push({ text: template.slice(last, match.index) });
    parts.push({ field });
    last = match.index + match[0].length;
  }
  if (last < template.length) parts.push({ text: template.slice(last) });
  for (const part of parts) {
    if ('text' in part && (part.text.includes('{{') || part.text.includes('}}'))) {
      throw new TemplateSyntaxError(`unbalanced braces in ${JSON.stringify(template)} (a field is written {{name}})`);
    }
  }
  return parts;
}

/** The field paths a template names, in order. */
export function templateFields(template: string): string[] {
  return parseTemplate(template).flatMap((part) => ('field' in part ? [part.field] : []));
}

/** Looks up a dotted path (`meta.level`, `choices.0`); undefined when any step is missing or null. */
export function lookUp(row: unknown, path: string): unknown {
  let value: unknown = row;
  for (const key of path.split('.')) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value ?? undefined;
}

/** Raised when a row lacks a field that a template names. */
export class MissingFieldError extends Error {
  constructor(readonly field: string) {
    super(`no field "${field}"`);
  }
}

function asText(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return JSON.stringify(value);
}

/**
 * Fills one template from a row. A template that is exactly one placeholder keeps the value's own
 * type (a number stays a number, a list stays a list, for `tags: "{{labels}}"`); anything else is text.
 */
export function renderTemplate(template: string, row: unknown): unknown {
  const parts = parseTemplate(template);
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only && 'field' in only) {
    const value = lookUp(row, only.field);
    if (value === undefined) throw new MissingFieldError(only.field);
    return value;
  }
  let text = '';
  for (const part of parts) {
    if ('text' in part) {
      text += part.text;
      continue;
    }
    const value = lookUp(row, part.field);
    if (value === undefined) throw new MissingFieldError(part.field);
    text += asText(value);
  }
  return text;
}

/** Fills every string inside a value (lists and objects walked), leaving other values as written. */
export function renderValue(value: unknown, row: unknown): unknown {
  if (typeof value === 'string') return renderTemplate(value, row);
  if (Array.isArray(value)) return value.map((item) => renderValue(item, row));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, renderValue(item, row)]));
  }
  return value;
}

/** Checks every string inside a value parses as a template; returns the first problem with its path. */
export function checkTemplates(value: unknown, path: Array<string | number> = []): { path: Array<string | number>; message: string } | undefined {
  if (typeof value === 'string') {
    try {
      parseTemplate(value);
      return undefined;
    } catch (error) {
      return { path, message: (error as Error).message };
    }
  }
  const entries: Array<[string | number, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [index, item])
    : value !== null && typeof value === 'object'
      ? Object.entries(value)
      : [];
  for (const [key, item] of entries) {
    const problem = checkTemplates(item, [...path, key]);
    if (problem) return problem;
  }
  return undefined;
}
