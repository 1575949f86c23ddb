// `thinkbench mock`: serves the built-in simulated reasoning model until Ctrl-C.
import { startMockServer, type MockOptions } from '../mock/server.js';
import { invalidInput } from '../errors.js';
import { parseCount, parseDurationFlag, parseFraction } from './options.js';

export interface MockFlags {
  port: string;
  accuracy: string;
  latency: string;
  reasoning: NonNullable<MockOptions['reasoning']>;
  apiKey?: string;
  rejectParams?: boolean;
}

/** Starts the simulated endpoint on 127.0.0.1 and prints how to point thinkbench at it. */
export async function mockCommand(flags: MockFlags): Promise<void> {
  const latencyMs = /^0+(ms|s|m|h)?$/.test(flags.latency.trim()) ? 0 : parseDurationFlag(flags.latency, '--latency');
  const port = parseCount(flags.port, '--port', 0);
  if (port > 65_535) throw invalidInput(`--port takes a port number up to 65535, not ${port}.`);
  const server = await startMockServer({
    port,
    accuracy: parseFraction(flags.accuracy, '--accuracy'),
    latencyMs,
    reasoning: flags.reasoning,
    rejectParams: flags.rejectParams ?? false,
    ...(flags.apiKey && { apiKey: flags.apiKey }),
  }).catch((error: NodeJS.ErrnoException) => {
    throw invalidInput(error.code === 'EADDRINUSE' ? `port ${port} is in use; pick another with --port.` : `cannot serve on port ${port}: ${error.message}`);
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
