// Child process: serves the simulated endpoint at a set latency (and mock options as JSON), prints its URL, and stops when stdin closes.
import { startMockServer } from '../src/mock/server.js';
import { RESULT_PREFIX } from './workload.js';

const latencyMs = Number(process.argv[2] ?? 0);
const server = await startMockServer({ ...JSON.parse(process.argv[3] ?? '{}'), latencyMs });
process.stdout.write(`${RESULT_PREFIX}${JSON.stringify({ url: server.url, pid: process.pid })}\n`);
// The parent closing our stdin (or exiting) is the signal to stop.
process.stdin.resume();
process.stdin.on('close', () => void server.close().finally(() => process.exit(0)));
