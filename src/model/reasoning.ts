// Splits a reply into its reasoning and its answer text: the scorers only ever see the answer text.
import type { ReasoningSource } from '../schema/result.js';

/** The parts of a reply: what the model thought, and what it answered. */
export interface SplitReply {
  /** Everything the model wrote as reasoning: reasoning fields and <think> spans. */
  reasoning: string;
  /** The rest of the content: the only text the scorers read. */
  answerText: string;
  /** True when a <think> was opened and never closed: the model never reached an answer. */
  unterminated: boolean;
  /** True when the content carried reasoning in `<think>` tags (or a lone `</think>`). */
  fromTags: boolean;
}

const THINK_SPAN = /<think(?:ing)?>([\s\S]*?)<\/think(?:ing)?>/gi;
const OPEN_TAG = /<think(?:ing)?>/i;
const CLOSE_TAG = /<\/think(?:ing)?>/i;

/**
 * Separates reasoning from the answer. `fieldReasoning` is `reasoning_content` or `reasoning`
 * from the message; `content` may also carry `<think>...</think>`, or only `</think>` when the
 * chat template pre-filled the opening tag.
 */
export function splitReasoning(content: string | null | undefined, fieldReasoning?: string | null): SplitReply {
  const parts: string[] = fieldReasoning ? [fieldReasoning.trim()] : [];
  let text = content ?? '';
  let fromTags = false;

  // A lone closing tag: everything before it is reasoning from a pre-filled <think>.
  const close = CLOSE_TAG.exec(text);
  const open = OPEN_TAG.exec(text);
  if (close && (!open || open.index > close.index)) {
    parts.push(text.slice(0, close.index).trim());
    text = text.slice(close.index + close[0].length);
    fromTags = true;
  }

  text = text.replace(THINK_SPAN, (_, inner: string) => {
    parts.push(inner.trim());
    fromTags = true;
    return '';
  });

  let unterminated = false;
  const dangling = OPEN_TAG.exec(text);
  if (dangling) {
    // The model was still thinking when the reply ended: whatever came before is not an answer.
    parts.push(text.slice(dangling.index + dangling[0].length).trim());
    text = '';
    unterminated = true;
  }

  return { reasoning: parts.filter(Boolean).join('\n\n'), answerText: text.trim(), unterminated, fromTags: fromTags || unterminated };
}

/** Where a split reply's reasoning came from. */
export function sourceOf(split: Pick<SplitReply, 'unterminated' | 'fromTags'>, reasoning: string): ReasoningSource {
  if (split.unterminated) return 'unterminated';
  if (split.fromTags) return 'think';
  return reasoning.trim() ? 'field' : 'none';
}

/** A reply stored once: the answer text as `content`, the reasoning apart, and where the reasoning came from. */
export function storedReply(
  content: string | null | undefined,
  fieldReasoning?: string | null,
): { content: string; reasoning: string; reasoningSource: ReasoningSource } {
  const split = splitReasoning(content, fieldReasoning);
  return { content: split.answerText, reasoning: split.reasoning, reasoningSource: sourceOf(split, split.reasoning) };
}
