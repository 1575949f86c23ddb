// Test helpers: the real SDK client and evaluate() against a simulated endpoint started for the test.
import { afterEach } from 'vitest';
import { createModelClient } from '../../src/model/openai.js';
import { startMockServer, type MockOptions, type MockServer } from '../../src/mock/server.js';
import { evaluate, type EvaluateOptions } from '../../src/run/evaluate.js';

const servers: MockServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

/** A simulated endpoint on 127.0.0.1, closed after the test. */
export async function mock(options: MockOptions = {}): Promise<MockServer> {
  const server = await startMockServer(options);
  servers.push(server);
  return server;
}

type Overrides = Partial<EvaluateOptions> & Pick<EvaluateOptions, 'suite'> & { apiKey?: string; maxRetries?: number };

/** evaluate() through the real `openai` SDK against `server`. */
export function evaluateAgainst(server: MockServer, { apiKey, maxRetries = 2, ...options }: Overrides) {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const client = createModelClient({ baseUrl: server.url, apiKey, timeoutMs, maxRetries });
  const run = evaluate({ client, model: 'thinkbench-sim', baseUrl: server.url, simulated: true, concurrency: 8, timeoutMs, ...options });
  return { client, run };
}
