// A case as the terminal summary, the gates and JUnit read it: its head and a few figures of its samples, never one entry per sample.
import { detached } from '../detached-string.js';
import type { CaseHead, CaseResult, CaseView, Result, Sample, SampleView } from './result.js';

/** A case's samples, told in a fixed handful of figures whatever their number. */
export interface SamplesBrief {
  count: number;
  /** Samples whose outcome is `answered`: the rest failed, found no answer or were cut off. */
  answered: number;
  /** Failed samples by error code, in the order first met: how many, and the first one's message. */
  errors: { code: string; count: number; message: string }[];
  /** The mean latency over every sample (JUnit's time), 0 with none. */
  meanLatencyMs: number;
  /** The sample a reader looks at first: the first that voted for the case's answer, else the first. */
  example: { index: number; error: Sample['error'] } | null;
}

export type CaseBrief = CaseHead & { brief: SamplesBrief };
/** A run's result as it ends: the summary and every case, in memory at a few hundred bytes a case whatever its samples. */
export type ResultBrief = Omit<Result, 'cases'> & { cases: CaseBrief[] };

/** The brief of a scored case (or of its view): what is said of its samples, without keeping them. */
export function briefOf(c: CaseResult | CaseView): CaseBrief {
  const { samples, ...head } = c;
  // The answer is kept for the whole run: copied free of the reply it was read from.
  return { ...head, answer: c.answer === null ? null : detached(c.answer), brief: briefSamples(samples, c.answer) };
}

/** The case as a brief, whether it already is one or still holds its samples. */
export function asBrief(c: CaseBrief | CaseResult | CaseView): CaseBrief {
  return 'brief' in c ? c : briefOf(c);
}

function briefSamples(samples: readonly (Sample | SampleView)[], answer: string | null): SamplesBrief {
  const errors = new Map<string, SamplesBrief['errors'][number]>();
  let answered = 0;
  let latency = 0;
  for (const s of samples) {
    latency += s.latencyMs;
    if (s.outcome === 'answered') answered++;
    if (!s.error) continue;
    const entry = errors.get(s.error.code);
    if (entry) entry.count++;
    else errors.set(s.error.code, { code: s.error.code, count: 1, message: s.error.message });
  }
  const example = samples.find((s) => s.answer === answer) ?? samples[0];
  return {
    count: samples.length,
    answered,
    errors: [...errors.values()],
    meanLatencyMs: samples.length ? latency / samples.length : 0,
    example: example ? { index: example.index, error: example.error } : null,
  };
}
