// Parses and checks command-line values: numbers, durations, key=value parameters.
import { parseDuration } from '../duration.js';
import { invalidInput } from '../errors.js';
import type { Params } from '../schema/suite.js';

/** A whole number within bounds, or an invalid_input error naming the flag. */
export function parseCount(value: string, flag: string, min = 1): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min) throw invalidInput(`${flag} takes a whole number of at least ${min}, not "${value}".`);
  return n;
}

/** A fraction between 0 and 1. */
export function parseFraction(value: string, flag: string): number {
  const n = Number(value);
  if (!(n >= 0 && n <= 1)) throw invalidInput(`${flag} takes a number from 0 to 1, not "${value}".`);
  return n;
}

/** Milliseconds from a duration flag. */
export function parseDurationFlag(value: string, flag: string): number {
  try {
    return parseDuration(value);
  } catch (error) {
    throw invalidInput(`${flag}: ${(error as Error).message}.`);
  }
}

/**
 * `key=value` pairs into request parameters. Values read as JSON when they are JSON
 * (`8000`, `0.6`, `true`, `{"type":"json_object"}`), else as strings (`high`).
 */
export function parseParams(pairs: readonly string[]): Params {
  const params: Params = {};
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) throw invalidInput(`--param takes key=value (like reasoning_effort=high), not "${pair}".`);
    const raw = pair.slice(eq + 1);
    let value: unknown = raw;
    try {
      value = JSON.parse(raw);
    } catch {
      // not JSON: keep the string
    }
    params[pair.slice(0, eq)] = value;
  }
  return params;
}
