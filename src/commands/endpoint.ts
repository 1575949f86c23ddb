// Decides where requests go: the configured endpoint, or the built-in simulated model when none is.
import { invalidInput } from '../errors.js';
import { startMockServer } from '../mock/server.js';
import { SIM_MODEL } from '../mock/simulator.js';

export interface Endpoint {
  baseUrl: string;
  /** The base URL without credentials: what is printed and recorded. */
  shownUrl: string;
  apiKey: string | undefined;
  simulated: boolean;
  /** The model to use when neither --model nor the suite names one. */
  defaultModel: string | undefined;
  close(): Promise<void>;
}

export const OPENAI_BASE_URL = 'https://api.openai.com/v1';

/** The endpoint from flags and environment; with no base URL and no key, an in-process simulated model. */
export async function resolveEndpoint(options: { baseUrl?: string; apiKeyEnv: string }): Promise<Endpoint> {
  const baseUrl = options.baseUrl ?? process.env.OPENAI_BASE_URL;
  const apiKey = process.env[options.apiKeyEnv] || undefined;
  if (baseUrl) {
    try {
      new URL(baseUrl);
    } catch {
      throw invalidInput(`--base-url "${baseUrl}" is not a URL (like http://localhost:8000/v1).`);
    }
    return { baseUrl, shownUrl: stripCredentials(baseUrl), apiKey, simulated: false, defaultModel: undefined, close: async () => {} };
  }
  if (apiKey) return { baseUrl: OPENAI_BASE_URL, shownUrl: OPENAI_BASE_URL, apiKey, simulated: false, defaultModel: undefined, close: async () => {} };
  const server = await startMockServer();
  return { baseUrl: server.url, shownUrl: server.url, apiKey: undefined, simulated: true, defaultModel: SIM_MODEL, close: () => server.close() };
}

/**
 * The URL without user:password, query or fragment (where keys hide), safe to print and record.
 * The client still sends them: the query on every request, user:password as Basic auth.
 */
export function stripCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  parsed.search = '';
  parsed.hash = '';
  return parsed.toString().replace(/\/$/, '');
}
