// Cuts long reasoning to a budget, keeping its start and its end (where the conclusion is).
import { detached } from '../../detached-string.js';

/** The text kept, and how many characters were cut at which offset (null when nothing was cut). */
export interface Trimmed {
  text: string;
  trimmed: { chars: number; at: number } | null;
}

/** Keeps the first and last halves of `max` characters of `text`; no cut when it fits or `max` is null. */
export function trimMiddle(text: string, max: number | null): Trimmed {
  if (max === null || text.length <= max) return { text, trimmed: null };
  const head = Math.ceil(max / 2);
  const tail = max - head;
  return {
    text: detached(text.slice(0, head) + (tail ? text.slice(text.length - tail) : '')),
    trimmed: { chars: text.length - max, at: head },
  };
}

/** A sample whose reasoning was already cut as it was read (a report of a large result): the cut it carries. */
export interface CutAsRead {
  reasoningCut?: Trimmed['trimmed'];
}

/** The sample's reasoning cut to `max`, or as it was cut when read, so the page can say where and how much. */
export function cutReasoning(sample: { reasoning: string } & CutAsRead, max: number | null): Trimmed {
  return sample.reasoningCut !== undefined ? { text: sample.reasoning, trimmed: sample.reasoningCut } : trimMiddle(sample.reasoning, max);
}
