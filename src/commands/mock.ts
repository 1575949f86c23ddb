// `thinkbench mock`: serves the built-in simulated reasoning model until Ctrl-C.
import { startMockServer, type MockOptions } from '../mock/server.js';
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
  const latencyMs = flags.latency === '0ms' || flags.latency === '0' ? 0 : parseDurationFlag(flags.latency, '--latency');
  const server = await startMockServer({
    port: parseCount(flags.port, '--port', 0),
    accuracy: parseFraction(flags.accuracy, '--accuracy'),
    latencyMs,
    reasoning: flags.reasoning,
    rejectParams: flags.rejectParams ?? false,
    ...(flags.apiKey && { apiKey: flags.apiKey }),
  });
  console.log(`Simulated reasoning model (a test double) at ${server.url}`);
  console.log(`Models: thinkbench-sim (right ${flags.accuracy} of the time), thinkbench-sim-<NN> (right NN% of the time).`);
  console.log(`Try: OPENAI_BASE_URL=${server.url} npx thinkbench run suites/o1-articles.yaml --model thinkbench-sim`);
  await new Promise<void>((resolve) => {
    const stop = () => void server.close().then(resolve);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
