// The peer rules the agreement bench prints beside thinkbench, in table order.
import { lmEvalFlexible, lmEvalStrict } from './lm-eval-gsm8k.js';
import { minervaMath } from './minerva-math.js';
import type { PeerRule } from './peer.js';
import { qwenMath } from './qwen-grader.js';
import { simpleEvalsMath } from './simple-evals-math.js';

/** Every ported peer rule. */
export const PEER_RULES: readonly PeerRule[] = [lmEvalStrict, lmEvalFlexible, minervaMath, simpleEvalsMath, qwenMath];

export type { PeerRow, PeerRule, PeerVerdict } from './peer.js';
