// lm-evaluation-harness GSM8K rules, ported from EleutherAI/lm-evaluation-harness
// lm_eval/tasks/gsm8k/gsm8k.yaml at commit 47f16bf6a68ec19467e728ce52ac6c5937d5b3da (version 3.0: filter_list
// strict-match and flexible-extract; metric exact_match with ignore_case and regexes_to_ignore
// [",", "\\$", "(?s).*#### ", "\\.$"]) and lm_eval/filters/extraction.py at commit
// a06c80e63936672a57bfd2deda7b4b99c94bf4c8 (RegexFilter: findall, group_select, first non-empty group of a
// tuple, strip, fallback "[invalid]"). exact_match removes the ignored regexes before lowercasing; the
// order does not matter for these four patterns.
import type { PeerRow, PeerRule, PeerVerdict } from './peer.js';

/** The fallback lm-eval's RegexFilter returns when nothing matches. */
export const INVALID = '[invalid]';

/** strict-match: the first `#### <number>` in the reply. */
export function strictMatch(reply: string): string {
  const match = /#### (-?[0-9.,]+)/.exec(reply);
  return match?.[1]?.trim() ?? INVALID;
}

/** flexible-extract: the last number-like run, `(-?[$0-9.,]{2,})|(-?[0-9]+)`, group_select -1. */
export function flexibleExtract(reply: string): string {
  const matches = [...reply.matchAll(/(-?[$0-9.,]{2,})|(-?[0-9]+)/g)];
  const last = matches.at(-1);
  if (!last) return INVALID;
  const group = [last[1], last[2]].find((g) => g !== undefined && g !== '');
  return group === undefined ? INVALID : group.trim();
}

// regexes_to_ignore, applied in order with re.sub to prediction and reference alike.
const IGNORE: readonly RegExp[] = [/,/g, /\$/g, /^[\s\S]*#### /g, /\.$/g];

/** exact_match as configured for gsm8k: ignore_case, the ignored regexes removed from both sides. */
export function exactMatch(prediction: string, reference: string): boolean {
  const clean = (s: string): string => IGNORE.reduce((text, re) => text.replace(re, ''), s.toLowerCase());
  return clean(prediction) === clean(reference);
}

function rule(name: string, extract: (reply: string) => string): PeerRule {
  return {
    name,
    source: 'EleutherAI/lm-evaluation-harness lm_eval/tasks/gsm8k/gsm8k.yaml @ 47f16bf6, filters/extraction.py @ a06c80e6',
    grade(row: PeerRow): PeerVerdict {
      const read = extract(row.reply);
      return { read: read === INVALID ? null : read, correct: exactMatch(read, row.expected) };
    },
  };
}

/** lm-eval gsm8k strict-match (`#### n`). */
export const lmEvalStrict = rule('lm-eval gsm8k strict', strictMatch);
/** lm-eval gsm8k flexible-extract (last number). */
export const lmEvalFlexible = rule('lm-eval gsm8k flexible', flexibleExtract);
