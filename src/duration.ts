// Parses human durations ("90s", "2m", "1500ms", "1h") into milliseconds.

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

/** Milliseconds for a duration like `90s`, `2m`, `1500ms` or `1.5h`; a bare number is seconds. */
export function parseDuration(value: string | number): number {
  if (typeof value === 'number') {
    if (Number.isFinite(value) && value > 0) return value * 1000;
  } else {
    const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/.exec(value);
    if (match) {
      const ms = Number(match[1]) * UNIT_MS[match[2] ?? 's']!;
      if (ms > 0) return ms;
    }
  }
  throw new Error(`"${value}" is not a duration (use forms like 90s, 2m, 1500ms)`);
}

/** A short human form of a millisecond count: 850ms, 12.3s, 4m05s. */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)}ms`;
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)}s`;
  const minutes = Math.floor(ms / 60_000);
  const seconds = Math.round((ms % 60_000) / 1000);
  return `${minutes}m${String(seconds).padStart(2, '0')}s`;
}
