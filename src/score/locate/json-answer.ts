// Reads the answer of a reply that is a JSON object ({"reasoning": "...", "answer": "24"}), as many prompts ask.

// The keys that hold the answer, in the order they are preferred; matched case-insensitively, `_`/`-` ignored.
const ANSWER_KEYS = ['finalanswer', 'answer', 'final', 'result', 'solution', 'output'];
// A fenced block ("```json ... ```") or the whole reply.
const FENCED = /```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i;

function answerField(value: unknown, depth: number): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 2) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  const keyed = (key: string): unknown => entries.find(([k]) => k.toLowerCase().replace(/[_\s-]/g, '') === key)?.[1];
  for (const key of ANSWER_KEYS) {
    const field = keyed(key);
    if (typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean') return String(field);
    if (Array.isArray(field) && field.length > 0 && field.every((item) => ['string', 'number'].includes(typeof item))) return field.join(', ');
    const nested = answerField(field, depth + 1);
    if (nested !== null) return nested;
  }
  return null;
}

/**
 * The answer field of a reply that is one JSON object, whole or as its closing fenced block
 * (`answer`, `final_answer`, `finalAnswer`, `result`, ...; one level of nesting); null otherwise.
 */
export function jsonAnswer(text: string): string | null {
  const trimmed = text.trim();
  const body = FENCED.exec(trimmed)?.[1] ?? trimmed;
  const start = body.indexOf('{');
  if (start < 0 || !body.trimEnd().endsWith('}')) return null;
  // Only the reply itself, or a fenced block ending it; not a brace somewhere inside prose.
  if (body === trimmed && start !== 0) return null;
  try {
    return answerField(JSON.parse(body.slice(start)), 0);
  } catch {
    return null;
  }
}
