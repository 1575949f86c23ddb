// `thinkbench mock`: serves the built-in simulated reasoning model until Ctrl-C.
import { z } from 'zod';
import { invalidInput } from '../errors.js';
import { startMockServer } from '../mock/server.js';
import { flag, parseFlags } from './options.js';

/** The flags commander passes, checked and converted. */
export const MockFlags = z.object({
  port: flag.count('--port', 0).pipe(z.number().max(65_535, '--port takes a port number up to 65535.')),
  accuracy: flag.fraction('--accuracy'),
  latency: flag.duration('--latency', { allowZero: true }),
  reasoning: z.enum(['field', 'think', 'reasoning', 'prefilled-think']),
  apiKey: z.string().optional(),
  rejectParams: z.boolean().default(false),
});

/** Starts the simulated endpoint on 127.0.0.1 and prints how to point thinkbench at it. */
export async function mockCommand(rawFlags: unknown): Promise<void> {
  const flags = parseFlags(MockFlags, rawFlags);
  const server = await startMockServer({
    port: flags.port,
    accuracy: flags.accuracy,
    latencyMs: flags.latency,
    reasoning: flags.reasoning,
    rejectParams: flags.rejectParams,
    ...(flags.apiKey && { apiKey: flags.apiKey }),
  }).catch((error: NodeJS.ErrnoException) => {
    throw invalidInput(
      error.code === 'EADDRINUSE' ? `port ${flags.port} is in use; pick another with --port.` : `cannot serve on port ${flags.port}: ${error.message}`,
    );
  });
  console.log(`Simulated reasoning model (a test double) at ${server.url}`);
  console.log(`Models: thinkbench-sim (right ${flags.accuracy} of the time), thinkbench-sim-<NN> (right NN% of the time).`);
  console.log(`Try: OPENAI_BASE_URL=${server.url} npx thinkbench run suites/o1-articles.yaml --model thinkbench-sim`);
  await new Promise<void>((resolve) => {
    let stopping = false;
    const stop = () => {
      if (stopping) return;
      stopping = true;
      void server.close().finally(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
