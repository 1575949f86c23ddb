// `run --batch`: the Batch API of the run's endpoint, and a line whenever the batches' state changes.
import { createBatchApi } from '../model/batch-api.js';
import { renderBatchProgress } from '../batch/progress.js';
import type { EvaluateBatch } from '../run/evaluate.js';
import type { Endpoint } from './endpoint.js';

/** The batch settings of a run on `endpoint`; progress goes to stderr unless quiet. */
export function batchSettings(endpoint: Endpoint, quiet: boolean | undefined): Pick<EvaluateBatch, 'api' | 'onProgress' | 'poll'> {
  let last = '';
  return {
    api: createBatchApi({ baseUrl: endpoint.baseUrl, apiKey: endpoint.apiKey }),
    // The simulated endpoint finishes a batch in about a second; a provider takes minutes to hours.
    poll: endpoint.simulated ? { initialMs: 250, maxMs: 2_000 } : { initialMs: 5_000, maxMs: 60_000 },
    onProgress: (batches) => {
      const line = renderBatchProgress(batches);
      if (!quiet && line !== last) process.stderr.write(`${line}\n`);
      last = line;
    },
  };
}
