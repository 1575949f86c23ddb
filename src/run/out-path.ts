// The default result path: results/<suite>-<model>-<timestamp>-<suffix>.json, unique per run.
import { randomBytes } from 'node:crypto';

/**
 * A file-name-safe default path for a run's result. Milliseconds and a short random suffix keep
 * runs started in the same second (differing only in --param, say) from sharing a file or journal.
 */
export function defaultOutPath(suiteName: string, model: string, now = new Date(), suffix = randomBytes(2).toString('hex')): string {
  const stamp = now.toISOString().replace(/Z$/, '').replace(/[-:]/g, '').replace('T', '-').replace('.', '');
  return `results/${safe(suiteName)}-${safe(model)}-${stamp}-${suffix}.json`;
}

function safe(part: string): string {
  return part.replace(/[^\w.-]+/g, '_').replace(/^[._]+/, '') || 'x';
}
