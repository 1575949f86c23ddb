// The response cache (--cache): a reply stored per (endpoint, model, parameters, messages, sample index).
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChatReply } from '../model/openai.js';
import { writeFileAtomic } from '../result/store.js';
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
  get(key: CacheKey): Promise<ChatReply | null>;
  /** Stores a successful reply; failed requests are never cached. */
  set(key: CacheKey, reply: ChatReply): Promise<void>;
}

/** A cache of one JSON file per reply under `dir`. */
export function openCache(dir: string): ResponseCache {
  const pathFor = (key: CacheKey) => {
    const hash = createHash('sha256').update(JSON.stringify(key)).digest('hex');
    return join(dir, hash.slice(0, 2), `${hash}.json`);
  };
  return {
    async get(key) {
      try {
        return JSON.parse(await readFile(pathFor(key), 'utf8')) as ChatReply;
      } catch {
        return null;
      }
    },
    async set(key, reply) {
      await writeFileAtomic(pathFor(key), JSON.stringify(reply));
    },
  };
}
