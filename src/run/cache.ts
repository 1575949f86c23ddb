// The response cache (--cache): a reply stored per (endpoint, model, parameters, messages, sample index), validated on read.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { ChatReply } from '../model/openai.js';
import { writeFileAtomic } from '../result/store.js';
import { Usage } from '../schema/result.js';
import type { ChatMessage, Params } from '../schema/suite.js';

export interface CacheKey {
  baseUrl: string;
  model: string;
  params: Params;
  messages: ChatMessage[];
  /** Part of the key so that N samples stay N independent samples. */
  sampleIndex: number;
}

export interface ResponseCache {
  /** The stored reply, or null when there is none or what is stored is not a reply (it is then overwritten by `set`). */
  get(key: CacheKey): Promise<ChatReply | null>;
  /** Stores a successful reply; failed requests are never cached. */
  set(key: CacheKey, reply: ChatReply): Promise<void>;
}

/** A stored reply: the ChatReply shape, with some text or a finish reason (an empty unfinished reply was never a success). */
export const CachedReply = z
  .object({
    content: z.string(),
    fieldReasoning: z.string(),
    finishReason: z.string().nullable(),
    usage: Usage.nullable(),
    firstTokenMs: z.number().nonnegative().nullable().optional(),
  })
  .refine((r) => r.finishReason !== null || r.content !== '' || r.fieldReasoning !== '', 'an empty reply without a finish reason');

/** A cache of one JSON file per reply under `dir`. */
export function openCache(dir: string): ResponseCache {
  const pathFor = (key: CacheKey) => {
    const hash = createHash('sha256').update(JSON.stringify(key)).digest('hex');
    return join(dir, hash.slice(0, 2), `${hash}.json`);
  };
  return {
    async get(key) {
      let stored: unknown;
      try {
        stored = JSON.parse(await readFile(pathFor(key), 'utf8'));
      } catch {
        return null; // none, unreadable or not JSON: a miss
      }
      const parsed = CachedReply.safeParse(stored);
      return parsed.success ? { ...parsed.data, firstTokenMs: parsed.data.firstTokenMs ?? null } : null;
    },
    async set(key, reply) {
      await writeFileAtomic(pathFor(key), JSON.stringify(reply));
    },
  };
}
