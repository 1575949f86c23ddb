// Signals for one request: a deadline of its own, linked to the run's signal.

/** A signal that aborts `ms` from now, or earlier with `signal` (Ctrl-C, the time budget). */
export function withDeadline(signal: AbortSignal | undefined, ms: number): AbortSignal {
  const deadline = AbortSignal.timeout(ms);
  return signal ? AbortSignal.any([signal, deadline]) : deadline;
}
