// The simulated model's /v1/files and /v1/batches routes: uploads, file content and batches, on the loopback.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { BatchEngine, type BatchMockOptions } from './batch-engine.js';
import { fileObject } from './batch-reply.js';
import { httpError, type HttpError } from './errors.js';
import type { ReasoningStyle } from './reply.js';
import type { Simulator } from './simulator.js';

export { type BatchMockOptions, type BatchMockStats, newBatchStats } from './batch-engine.js';

/** Input files up to OpenAI's 200 MB limit. */
const MAX_UPLOAD_BYTES = 200 * 1024 * 1024;

interface Wiring {
  simulator: Simulator;
  style: ReasoningStyle;
  options?: BatchMockOptions | undefined;
  send(res: ServerResponse, status: number, body: unknown): void;
  sendError(res: ServerResponse, error: HttpError): void;
}

/** The routes, for src/mock/server.ts to hand /files and /batches requests to (paths without /v1). */
export function batchRoutes(wiring: Wiring): { serves(path: string): boolean; handle(req: IncomingMessage, res: ServerResponse, path: string): void } {
  const engine = new BatchEngine(wiring.simulator, wiring.style, wiring.options);
  const { send, sendError } = wiring;
  const notFound = (res: ServerResponse, what: string) => sendError(res, httpError(404, `No such ${what}.`, { code: 'not_found' }));
  const route = async (req: IncomingMessage, res: ServerResponse, path: string): Promise<void> => {
    const [, kind, id, action] = path.split('/');
    const method = req.method ?? 'GET';
    if (kind === 'files' && method === 'POST' && !id) return upload(req, res);
    if (kind === 'files' && method === 'GET' && id) {
      const file = engine.files.get(decodeURIComponent(id));
      if (!file) return notFound(res, `file: ${id}`);
      if (action === 'content') {
        engine.stats.downloads++;
        res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': file.bytes.length, 'x-thinkbench-simulated': '1' });
        res.end(file.bytes);
        return;
      }
      return send(res, 200, fileObject(file));
    }
    if (kind === 'batches' && method === 'POST' && !id) {
      const body = await readBody(req, 1024 * 1024);
      let parsed: unknown;
      try {
        parsed = JSON.parse(body?.toString('utf8') ?? '');
      } catch {
        return sendError(res, httpError(400, 'We could not parse the JSON body of your request.'));
      }
      const made = engine.create((parsed ?? {}) as Record<string, unknown>);
      return 'status' in made && typeof made.status === 'number' ? sendError(res, made as HttpError) : send(res, 200, made);
    }
    if (kind === 'batches' && method === 'GET' && !id) return send(res, 200, engine.list());
    if (kind === 'batches' && id && (method === 'GET' || (method === 'POST' && action === 'cancel'))) {
      const batch = action === 'cancel' ? engine.cancel(id) : engine.retrieve(id);
      return batch ? send(res, 200, batch) : notFound(res, `batch: ${id}`);
    }
    sendError(res, httpError(404, `Invalid URL (${method} ${req.url ?? path})`));
  };
  const upload = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const body = await readBody(req, MAX_UPLOAD_BYTES);
    if (!body) return sendError(res, httpError(413, 'The file is larger than 200 MB.'));
    let form: FormData;
    try {
      form = await new Request('http://127.0.0.1/', {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type'] ?? '' },
        body: new Uint8Array(body),
      }).formData();
    } catch {
      return sendError(res, httpError(400, 'Upload a file as multipart/form-data with fields file and purpose.'));
    }
    const file = form.get('file');
    const purpose = form.get('purpose');
    if (typeof file === 'string' || !file) return sendError(res, httpError(400, "Missing required parameter: 'file'.", { param: 'file' }));
    if (purpose !== 'batch')
      return sendError(res, httpError(400, `The simulated model takes files for purpose 'batch' only, not ${String(purpose)}.`, { param: 'purpose' }));
    send(res, 200, engine.addFile(Buffer.from(await file.arrayBuffer()), file.name, purpose));
  };
  return {
    serves: (path) => /^\/(files|batches)(\/|$)/.test(path),
    handle: (req, res, path) => void route(req, res, path).catch(() => sendError(res, httpError(500, 'The simulated Batch API failed.'))),
  };
}

/** The whole body, or null past `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= limit) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', () => resolve(null));
  });
}
