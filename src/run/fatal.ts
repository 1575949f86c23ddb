// Sentences for the failures that stop a run (exit 3): what went wrong and what to fix.
import type { RequestFailure } from '../model/openai.js';

/** One or two plain sentences for a failure that makes the whole run pointless. */
export function fatalMessage(failure: RequestFailure, model: string, baseUrl: string): string {
  const reason = failure.message.replace(/[.\s]+$/, '');
  switch (failure.status) {
    case 401:
      return `${baseUrl} refused the API key (401: ${reason}). Set OPENAI_API_KEY, or name the variable that holds the key with --api-key-env.`;
    case 403:
      return `${baseUrl} denied access to model "${model}" (403: ${reason}). Check that the key may use this model.`;
    case 404:
      return `${baseUrl} has no model "${model}" (404: ${reason}). Check --model or the suite's model; ${baseUrl}/models lists what the server serves.`;
    default:
      return `Cannot reach ${baseUrl}: ${reason}. Check --base-url (or OPENAI_BASE_URL) and that the server is running.`;
  }
}
