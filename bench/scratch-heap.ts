import { writeHeapSnapshot } from 'node:v8';
import { readFileSync } from 'node:fs';
import { createModelClient } from '../src/model/openai.js';
import { evaluate } from '../src/run/evaluate.js';
import { arithmeticSuite } from '../test/helpers/suites.js';
import { startMockServer } from '../src/mock/server.js';
import { MAX_RETRIES, MODEL, TIMEOUT_MS } from './workload.js';
const url = process.argv[2]!; const cases = Number(process.argv[3]);
function stats(file: string) {
  const snap = JSON.parse(readFileSync(file, 'utf8'));
  const f = snap.snapshot.meta.node_fields as string[]; const types = snap.snapshot.meta.node_types[0] as string[];
  const n = f.length; const nodes = snap.nodes as number[]; const strings = snap.strings as string[];
  const agg = new Map<string, [number, number]>(); let total = 0;
  for (let i = 0; i < nodes.length; i += n) {
    const type = types[nodes[i + f.indexOf('type')]!]!; const name = strings[nodes[i + f.indexOf('name')]!]!;
    const size = nodes[i + f.indexOf('self_size')]!; total += size;
    const key = type === 'string' || type === 'concatenated string' || type === 'sliced string' ? `(${type})` : `${type}:${name.slice(0, 60)}`;
    const a = agg.get(key) ?? [0, 0]; a[0] += size; a[1]++; agg.set(key, a);
  }
  console.log(file, 'total MB', (total / 1e6).toFixed(1));
  for (const [k, [s, c]] of [...agg].sort((a, b) => b[1][0] - a[1][0]).slice(0, 25)) console.log((s / 1e6).toFixed(1).padStart(8), String(c).padStart(9), k);
}
const suite = arithmeticSuite(cases, 5);
const client = createModelClient({ baseUrl: url, timeoutMs: TIMEOUT_MS, maxRetries: MAX_RETRIES });
let n = 0; let mid = '';
const result = await evaluate({ suite, client, model: MODEL, baseUrl: url, simulated: true, concurrency: 32, timeoutMs: TIMEOUT_MS, stream: false,
  onSample: () => { if (++n === Number(process.argv[4] ?? cases * 5 / 2)) mid = writeHeapSnapshot('/tmp/mid.heapsnapshot'); } });
const end = writeHeapSnapshot('/tmp/end.heapsnapshot');
console.log(result.summary.samples, process.memoryUsage());
stats(mid); stats(end);
