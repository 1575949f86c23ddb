// One ModelClient over several replicas of a model: fewest in flight first, a sick replica cooled down, one that refuses the key left out.
import { describeFailure, type RequestFailure } from './failure.js';
import type { ChatReply, ChatRequest, ClientStats, ModelClient } from './openai.js';

/** One replica: its base URL (without credentials: it is shown and stored) and its client. */
export interface PoolEndpoint {
  baseUrl: string;
  client: ModelClient;
}

/** Per-endpoint figures for the result file. */
export interface EndpointFigures {
  baseUrl: string;
  requests: number;
  errors: number;
  /** Mean over requests that got a reply; null when none did. */
  meanLatencyMs: number | null;
}

/** Something that happened to a replica, for the run's warnings. */
export type PoolEvent =
  | { kind: 'refused'; baseUrl: string; failure: RequestFailure }
  | { kind: 'cooled'; baseUrl: string; failure: RequestFailure; forMs: number };

export interface PoolOptions {
  /** Consecutive connection errors or 5xx that cool an endpoint down. Default 3. */
  failuresToCool?: number;
  /** How long the first cool-down lasts; each one in a row doubles it, to 16 times. Default 10 s. */
  coolDownMs?: number;
  onEvent?: (event: PoolEvent) => void;
  now?: () => number;
}

/** A ModelClient over the replicas, with their figures. */
export interface ModelPool extends ModelClient {
  endpoints(): EndpointFigures[];
}

interface Replica extends PoolEndpoint {
  inFlight: number;
  requests: number;
  errors: number;
  replies: number;
  latencyMsTotal: number;
  failuresInRow: number;
  coolings: number;
  coolUntil: number;
  refused: boolean;
}

/** Failures that say the replica, not the request, is at fault. */
const sick = (f: RequestFailure) => f.unreachable || (f.status !== null && f.status >= 500) || f.code === 'timeout';
const refusing = (f: RequestFailure) => f.status === 401 || f.status === 403;

/**
 * Sends each request to the usable replica with the fewest in flight (ties: fewer sent so far,
 * then the order given). A replica that fails `failuresToCool` times in a row with connection
 * errors, timeouts or 5xx is not chosen until its cool-down ends (unless every replica is
 * cooling); then it is tried again. A replica that answers 401/403 is reported (`refused`) and
 * left out for the rest of the run while another remains; when every replica refuses, the last
 * refusal is thrown, fatal as from one endpoint. A request that failed on a sick or refusing
 * replica is sent once more to another usable one.
 */
export function createModelPool(endpoints: readonly PoolEndpoint[], options: PoolOptions = {}): ModelPool {
  if (endpoints.length === 0) throw new Error('a pool needs at least one endpoint');
  const now = options.now ?? (() => performance.now());
  const failuresToCool = options.failuresToCool ?? 3;
  const coolDownMs = options.coolDownMs ?? 10_000;
  const replicas: Replica[] = endpoints.map((e) => ({
    ...e,
    inFlight: 0,
    requests: 0,
    errors: 0,
    replies: 0,
    latencyMsTotal: 0,
    failuresInRow: 0,
    coolings: 0,
    coolUntil: Number.NEGATIVE_INFINITY,
    refused: false,
  }));

  const choose = (exclude: ReadonlySet<Replica>): Replica | undefined => {
    const open = replicas.filter((r) => !r.refused && !exclude.has(r));
    const at = now();
    const warm = open.filter((r) => r.coolUntil <= at);
    // Every usable replica cooling: the one that recovers first, rather than none.
    const pool = warm.length > 0 ? warm : open.sort((a, b) => a.coolUntil - b.coolUntil).slice(0, 1);
    let best: Replica | undefined;
    for (const r of pool) if (!best || r.inFlight < best.inFlight || (r.inFlight === best.inFlight && r.requests < best.requests)) best = r;
    return best;
  };

  const record = (replica: Replica, failure: RequestFailure): void => {
    replica.errors++;
    if (refusing(failure)) {
      if (replicas.some((r) => r !== replica && !r.refused)) {
        if (!replica.refused) options.onEvent?.({ kind: 'refused', baseUrl: replica.baseUrl, failure });
        replica.refused = true;
      }
      return;
    }
    if (!sick(failure)) {
      replica.failuresInRow = 0;
      return;
    }
    if (replica.coolUntil > now()) return; // sent before it was cooled: not news
    if (++replica.failuresInRow >= failuresToCool) {
      const forMs = coolDownMs * 2 ** Math.min(4, replica.coolings++);
      replica.coolUntil = now() + forMs;
      replica.failuresInRow = 0;
      options.onEvent?.({ kind: 'cooled', baseUrl: replica.baseUrl, failure, forMs });
    }
  };

  const chat = async (request: ChatRequest): Promise<ChatReply> => {
    const tried = new Set<Replica>();
    for (;;) {
      const replica = choose(tried) ?? choose(new Set());
      if (!replica) throw new Error('no replica left to send to');
      tried.add(replica);
      replica.inFlight++;
      replica.requests++;
      const started = now();
      try {
        const reply = await replica.client.chat(request);
        replica.replies++;
        replica.latencyMsTotal += now() - started;
        replica.failuresInRow = 0;
        replica.coolings = 0;
        return reply;
      } catch (error) {
        if (request.signal.aborted) throw error;
        const failure = describeFailure(error);
        record(replica, failure);
        const another = (sick(failure) || refusing(failure)) && choose(tried);
        if (!another) throw error;
      } finally {
        replica.inFlight--;
      }
    }
  };

  const stats: ClientStats = {
    get retries() {
      return replicas.reduce((sum, r) => sum + r.client.stats.retries, 0);
    },
    set retries(_) {
      // the replicas' own counters are the truth
    },
  };

  const endpointsFigures = (): EndpointFigures[] =>
    replicas.map((r) => ({
      baseUrl: r.baseUrl,
      requests: r.requests,
      errors: r.errors,
      meanLatencyMs: r.replies > 0 ? Math.round(r.latencyMsTotal / r.replies) : null,
    }));

  return { chat, stats, endpoints: endpointsFigures };
}
