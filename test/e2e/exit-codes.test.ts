// Exit codes CI can trust: a run against an endpoint that answers only 500 is red, never green.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, test } from 'vitest';
import { runCli, suitePath } from '../helpers/cli.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A server that answers every request with HTTP 500. */
async function failingServer(): Promise<string> {
  server = createServer((_req, res) => {
    res.writeHead(500, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ error: { message: 'internal error', type: 'server_error' } }));
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}/v1`;
}

describe('exit codes', () => {
  test('every sample failing on HTTP 500 exits 3 with a sentence, after writing the result', async () => {
    const url = await failingServer();
    const run = await runCli([
      'run',
      suitePath('arithmetic'),
      '--base-url',
      url,
      '--model',
      'm',
      '--samples',
      '1',
      '--filter',
      'arith-00[1-3]',
      '--max-retries',
      '0',
      '--quiet',
      '--out',
      'r.json',
    ]);
    expect(run.code).toBe(3);
    expect(run.stderr).toMatch(/every one of its 3 samples failed \(http_500\)/);
    expect(run.stdout).toMatch(/Result written to r\.json/);
  });

  test('a suite whose model is a real one, with no endpoint configured, says what to set', async () => {
    const run = await runCli(['run', suitePath('arithmetic'), '--model', 'o4-mini', '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--model asks for model "o4-mini", but no endpoint is configured: set OPENAI_API_KEY/);
  });

  test('an --api-key-env variable that is not set is named', async () => {
    const run = await runCli(['run', suitePath('arithmetic'), '--api-key-env', 'MY_VENDOR_KEY', '--quiet']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--api-key-env names MY_VENDOR_KEY, but MY_VENDOR_KEY is not set/);
  });
});
