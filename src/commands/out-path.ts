// The default result path: results/<suite>-<model>-<timestamp>.json.

/** A file-name-safe default path for a run's result. */
export function defaultOutPath(suiteName: string, model: string, now = new Date()): string {
  const stamp = now.toISOString().replace(/\.\d+Z$/, '').replace(/[-:]/g, '').replace('T', '-');
  return `results/${safe(suiteName)}-${safe(model)}-${stamp}.json`;
}

function safe(part: string): string {
  return part.replace(/[^\w.-]+/g, '_').replace(/^[._]+/, '') || 'x';
}
