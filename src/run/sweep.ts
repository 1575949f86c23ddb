// Sweeps: one run per value of a parameter (`--sweep reasoning_effort=low,medium,high`), each its own result file.
import { invalidInput } from '../errors.js';
import type { Params } from '../schema/suite.js';

/** One point of a sweep: its label (`reasoning_effort=high`) and the run's parameters there. */
export interface SweepPoint {
  label: string;
  params: Params;
  /** Added to the result file's name, so the points never share a file. */
  suffix: string;
}

/** The points of `--sweep key=v1,v2,...` over `params` (values read as JSON when they are, like --param); one point, unlabelled, without a sweep. */
export function sweepPoints(params: Params, sweep: string | undefined): SweepPoint[] {
  if (sweep === undefined) return [{ label: '', params, suffix: '' }];
  const eq = sweep.indexOf('=');
  const key = sweep.slice(0, eq).trim();
  const values = sweep
    .slice(eq + 1)
    .split(',')
    .map((v) => v.trim())
    .filter(Boolean);
  if (eq <= 0 || values.length < 2)
    throw invalidInput(
      `--sweep takes a parameter and two or more values, like reasoning_effort=low,medium,high or max_completion_tokens=1000,4000,16000; not "${sweep}".`,
    );
  if (key in params) throw invalidInput(`--sweep ${key} and --param ${key} both set ${key}; keep one.`);
  return values.map((raw) => {
    const value = readValue(raw);
    return { label: `${key}=${raw}`, params: { ...params, [key]: value }, suffix: `-${key}-${raw}`.replace(/[^\w.-]+/g, '_') };
  });
}

/** The file a sweep point writes: the --out path with the point's suffix before `.json`. */
export function pointOutPath(out: string | undefined, point: SweepPoint): string | undefined {
  return out === undefined || !point.suffix ? out : out.replace(/(\.json)?$/i, `${point.suffix}.json`);
}

function readValue(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}
