// Turns an attempt into a chat completion reply: token budget, usage, reasoning placement, stream deltas.

/** Where the reasoning goes in a reply. */
export type ReasoningStyle = 'field' | 'think' | 'reasoning' | 'prefilled-think';

/** OpenAI-style usage; completion tokens include the reasoning tokens. */
export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  completion_tokens_details: { reasoning_tokens: number };
}

/** A reply before it is shaped for one reasoning style. */
export interface Reply {
  reasoning: string;
  answer: string;
  finishReason: 'stop' | 'length';
  usage: Usage;
  /** The reply continues an assistant message (a prefill): no new reasoning block is opened. */
  continued?: boolean;
}

/** One streamed delta's text fields. */
export type Delta = { content?: string; reasoning_content?: string; reasoning?: string };

/** Rough token count: about four characters a token. */
export function estimateTokens(text: string | number): number {
  return Math.ceil((typeof text === 'number' ? text : text.length) / 4);
}

/** Applies the completion-token limit: reasoning spends it first, so a small limit cuts reasoning and leaves no answer. */
export function composeReply(reasoning: string, answer: string, promptChars: number, limitTokens?: number): Reply {
  let reasoningTokens = estimateTokens(reasoning);
  let answerTokens = estimateTokens(answer);
  let finishReason: Reply['finishReason'] = 'stop';
  if (limitTokens !== undefined && reasoningTokens + answerTokens > limitTokens) {
    finishReason = 'length';
    if (reasoningTokens >= limitTokens) {
      reasoning = reasoning.slice(0, limitTokens * 4);
      answer = '';
      reasoningTokens = limitTokens;
      answerTokens = 0;
    } else {
      answerTokens = limitTokens - reasoningTokens;
      answer = answer.slice(0, answerTokens * 4);
    }
  }
  const promptTokens = estimateTokens(promptChars);
  const completionTokens = reasoningTokens + answerTokens;
  return {
    reasoning,
    answer,
    finishReason,
    usage: {
      prompt_tokens: promptTokens,
      completion_tokens: completionTokens,
      total_tokens: promptTokens + completionTokens,
      completion_tokens_details: { reasoning_tokens: reasoningTokens },
    },
  };
}

// For the think styles: the reasoning inside content; the closing tag only once the reasoning finished.
function thinkContent(reply: Reply, style: 'think' | 'prefilled-think'): { reasoningPart: string; answerPart: string } {
  if (reply.continued && reply.reasoning === '') return { reasoningPart: '', answerPart: reply.answer };
  const open = style === 'think' ? '<think>\n' : '';
  const finished = reply.finishReason === 'stop' || reply.answer !== '';
  return {
    reasoningPart: `${open}${reply.reasoning}${finished ? '\n</think>\n\n' : ''}`,
    answerPart: reply.answer,
  };
}

/** The non-streamed assistant message for a style. */
export function replyMessage(reply: Reply, style: ReasoningStyle): Record<string, unknown> {
  switch (style) {
    case 'field':
      return { role: 'assistant', content: reply.answer, reasoning_content: reply.reasoning, refusal: null };
    case 'reasoning':
      return { role: 'assistant', content: reply.answer, reasoning: reply.reasoning, refusal: null };
    case 'think':
    case 'prefilled-think': {
      const { reasoningPart, answerPart } = thinkContent(reply, style);
      return { role: 'assistant', content: reasoningPart + answerPart, refusal: null };
    }
  }
}

// Cuts text into about `count` pieces at word boundaries.
function split(text: string, count: number): string[] {
  if (text === '') return [];
  const size = Math.ceil(text.length / count);
  const pieces: string[] = [];
  let start = 0;
  while (start < text.length) {
    let end = Math.min(text.length, start + size);
    const space = text.indexOf(' ', end);
    if (end < text.length && space !== -1 && space - end < 20) end = space + 1;
    pieces.push(text.slice(start, end));
    start = end;
  }
  return pieces;
}

/** The streamed deltas for a style: reasoning in a few pieces, then the answer in two. */
export function replyDeltas(reply: Reply, style: ReasoningStyle, reasoningPieces = 4): Delta[] {
  if (style === 'field' || style === 'reasoning') {
    const key = style === 'field' ? 'reasoning_content' : 'reasoning';
    return [
      ...split(reply.reasoning, reasoningPieces).map((piece): Delta => ({ [key]: piece })),
      ...split(reply.answer, 2).map((piece): Delta => ({ content: piece })),
    ];
  }
  const { reasoningPart, answerPart } = thinkContent(reply, style);
  return [...split(reasoningPart, reasoningPieces), ...split(answerPart, 2)].map((piece) => ({ content: piece }));
}
