// Reads the answer of a reply that is a JSON object ({"reasoning": "...", "answer": "24"}), as many prompts ask.

// The keys that hold the answer, in the order they are preferred; matched case-insensitively, `_`/`-` ignored.
const ANSWER_KEYS = ['finalanswer', 'answer', 'final', 'result', 'solution', 'output'];
// A fenced block ("```json ... ```") or the whole reply.
const FENCED = /```(?:json)?\s*\n([\s\S]*?)\n\s*```\s*$/i;

// After prose, only a key that names the answer itself: `{"result": ...}` there may be a program's output.
const AFTER_PROSE_KEYS = ['finalanswer', 'answer'];

function answerField(value: unknown, depth: number, keys = ANSWER_KEYS): string | null {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || depth > 2) return null;
  const entries = Object.entries(value as Record<string, unknown>);
  const keyed = (key: string): unknown => entries.find(([k]) => k.toLowerCase().replace(/[_\s-]/g, '') === key)?.[1];
  for (const key of keys) {
    const field = keyed(key);
    if (typeof field === 'string' || typeof field === 'number' || typeof field === 'boolean') return String(field);
    if (Array.isArray(field) && field.length > 0 && field.every((item) => ['string', 'number'].includes(typeof item))) return field.join(', ');
    const nested = answerField(field, depth + 1, keys);
    if (nested !== null) return nested;
  }
  return null;
}

function parsed(body: string): unknown {
  try {
    return JSON.parse(body);
  } catch {
    return undefined;
  }
}

/** The `answer`/`final_answer` of a JSON object that starts a line and ends the reply, after prose. */
function closingObject(trimmed: string): string | null {
  const lines = trimmed.split(/\r?\n/);
  for (let i = lines.length - 1; i > 0; i--) {
    if (!(lines[i] ?? '').trimStart().startsWith('{')) continue;
    const value = parsed(lines.slice(i).join('\n'));
    if (value !== undefined) return answerField(value, 0, AFTER_PROSE_KEYS);
  }
  return null;
}

/**
 * The answer field of a reply that is one JSON object, whole or as its closing fenced block
 * (`answer`, `final_answer`, `finalAnswer`, `result`, ...; one level of nesting), or of a JSON
 * object on the reply's closing lines after prose (`answer` or `final_answer` only); null otherwise.
 */
export function jsonAnswer(text: string): string | null {
  const trimmed = text.trim();
  const body = FENCED.exec(trimmed)?.[1] ?? trimmed;
  if (!body.trimEnd().endsWith('}')) return null;
  if (body === trimmed && !trimmed.startsWith('{')) return closingObject(trimmed);
  const start = body.indexOf('{');
  if (start < 0) return null;
  const value = parsed(body.slice(start));
  return value === undefined ? null : answerField(value, 0);
}
