// Sentences for the failures that stop a run (exit 3): what went wrong and what to fix.
import type { RequestFailure } from '../model/openai.js';
import { sanitize } from '../report/sanitize.js';

/** One or two plain sentences for a failure that makes the whole run pointless; the server's words are sanitised. */
export function fatalMessage(failure: RequestFailure, model: string, baseUrl: string): string {
  // The server's message is outside text bound for the terminal: one line, no control or bidi characters.
  const reason = sanitize(
    failure.message
      .replace(/\s+/g, ' ')
      .replace(/[.\s]+$/, '')
      .slice(0, 300),
  );
  const name = sanitize(model);
  switch (failure.status) {
    case 401:
      return `${baseUrl} refused the API key (401: ${reason}). Set OPENAI_API_KEY, or name the variable that holds the key with --api-key-env.`;
    case 403:
      return `${baseUrl} denied access to model "${name}" (403: ${reason}). Check that the key may use this model.`;
    case 404:
      return `${baseUrl} has no model "${name}" (404: ${reason}). Check --model or the suite's model; ${baseUrl}/models lists what the server serves.`;
    default:
      return `Cannot reach ${baseUrl}: ${reason}. Check --base-url (or OPENAI_BASE_URL) and that the server is running.`;
  }
}
