// A run's plan as batch request lines, split into files at the provider's limits.
import { invalidInput } from '../errors.js';
import type { Case, Params } from '../schema/suite.js';
import { planRequests, type PlanOptions } from '../run/plan.js';
import { customIdFor } from './custom-id.js';
import { BATCH_LIMITS, type BatchRequestLine, CHAT_ENDPOINT } from './format.js';

/** One planned request, as a batch line and the pair it samples. */
export interface PlannedLine {
  caseIndex: number;
  sampleIndex: number;
  customId: string;
  line: BatchRequestLine;
}

// A batch reply is one whole completion: the streaming parameters mean nothing there, and some servers refuse them.
const STREAM_PARAMS = ['stream', 'stream_options'];

/** The body of one chat request, as src/model/openai.ts sends it (parameters first, model and messages on top). */
function bodyOf(model: string, messages: Case['messages'], params: Params): Record<string, unknown> {
  const body: Record<string, unknown> = { ...params, model, messages };
  for (const name of STREAM_PARAMS) delete body[name];
  return body;
}

/** Every request of the plan as a batch line, in the plan's round-robin order. */
export function batchRequestLines(cases: readonly Case[], model: string, plan: PlanOptions): PlannedLine[] {
  return [...planRequests(cases, plan)].map((task) => {
    const customId = customIdFor(cases[task.caseIndex]!.id, task.sampleIndex);
    return {
      caseIndex: task.caseIndex,
      sampleIndex: task.sampleIndex,
      customId,
      line: { custom_id: customId, method: 'POST', url: CHAT_ENDPOINT, body: bodyOf(model, task.messages, task.params) },
    };
  });
}

/** One batch input file: its JSONL text and the requests it holds. */
export interface BatchFile {
  jsonl: string;
  lines: PlannedLine[];
}

/** Limits of one input file; OpenAI's by default. */
export interface BatchLimits {
  maxRequests: number;
  maxBytes: number;
}

/** The lines split into files of at most `maxRequests` lines and `maxBytes` bytes each (newlines counted). */
export function splitBatchFiles(lines: readonly PlannedLine[], limits: BatchLimits = BATCH_LIMITS): BatchFile[] {
  const files: BatchFile[] = [];
  let texts: string[] = [];
  let current: PlannedLine[] = [];
  let bytes = 0;
  const flush = () => {
    if (current.length) files.push({ jsonl: texts.join(''), lines: current });
    texts = [];
    current = [];
    bytes = 0;
  };
  for (const planned of lines) {
    const text = `${JSON.stringify(planned.line)}\n`;
    const size = Buffer.byteLength(text);
    if (size > limits.maxBytes) throw invalidInput(`the request ${planned.customId} is ${size} bytes, more than a batch file may hold (${limits.maxBytes}).`);
    if (current.length >= limits.maxRequests || bytes + size > limits.maxBytes) flush();
    texts.push(text);
    current.push(planned);
    bytes += size;
  }
  flush();
  return files;
}
