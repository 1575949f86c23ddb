// Adapts a run to what the endpoint accepts: o-series models refuse max_tokens, temperature and system.
import type { RequestFailure } from '../model/openai.js';
import type { Adaptation } from '../schema/result.js';
import type { ChatMessage, Params } from '../schema/suite.js';

/** Sampling parameters reasoning models refuse; dropping one keeps the request's meaning. */
const DROPPABLE = new Set(['temperature', 'top_p', 'presence_penalty', 'frequency_penalty', 'logprobs', 'top_logprobs', 'logit_bias', 'n']);
const ROLE_PARAM = /^messages\[\d+\]\.role$/;

/** The adaptation a 400 calls for, or null when the failure is not one a rewrite can fix. */
export function adaptationFor(failure: RequestFailure, params: Params): Adaptation | null {
  const param = failure.param;
  if (failure.status !== 400 || !param) return null;
  const reason = failure.message;
  if (param === 'max_tokens' && 'max_tokens' in params) {
    return { param, action: 'renamed to max_completion_tokens', reason };
  }
  if (DROPPABLE.has(param) && param in params) return { param, action: 'dropped', reason };
  if (ROLE_PARAM.test(param)) {
    return { param: 'system', action: 'merged the system message into the first user message', reason };
  }
  return null;
}

/** The request with every adaptation so far applied. */
export function applyAdaptations(
  request: { messages: ChatMessage[]; params: Params },
  adaptations: readonly Adaptation[],
): { messages: ChatMessage[]; params: Params } {
  if (!adaptations.length) return request;
  let { messages } = request;
  const params = { ...request.params };
  for (const { param } of adaptations) {
    if (param === 'max_tokens' && 'max_tokens' in params) {
      params.max_completion_tokens ??= params.max_tokens;
      delete params.max_tokens;
    } else if (param === 'system') {
      messages = mergeSystemIntoUser(messages);
    } else {
      delete params[param];
    }
  }
  return { messages, params };
}

function mergeSystemIntoUser(messages: ChatMessage[]): ChatMessage[] {
  const system = messages.filter((m) => m.role === 'system' || m.role === 'developer').map((m) => m.content);
  const rest = messages.filter((m) => m.role !== 'system' && m.role !== 'developer');
  const first = rest.findIndex((m) => m.role === 'user');
  if (!system.length || first < 0) return rest;
  return rest.map((m, i) => (i === first ? { ...m, content: `${system.join('\n\n')}\n\n${m.content}` } : m));
}
