// Picks the scorer for a case: one built-in scorer per `scorer` name, switched exhaustively.
import type { Case } from '../../schema/suite.js';
import type { Scorer } from '../scorer.js';
import { choiceScorer } from './choice.js';
import { numberScorer } from './number.js';
import { regexScorer } from './regex.js';
import { textScorer } from './text.js';

/** The built-in scorer for a case; `judge` and `custom` come from makeScorers (src/run/make-scorers.ts). */
export function scorerFor(c: Case): Scorer {
  switch (c.scorer) {
    case 'number':
      return numberScorer(c);
    case 'text':
      return textScorer(c);
    case 'choice':
      return choiceScorer(c);
    case 'regex':
      return regexScorer(c);
    case 'judge':
    case 'custom':
      // These need I/O (a judge model, a module to load): src/run/make-scorers.ts builds them.
      throw new Error(`the ${c.scorer} scorer is built by makeScorers, not scorerFor`);
    default:
      c satisfies never; // a new scorer name that is not handled above fails to compile here
      throw new Error(`unknown scorer ${JSON.stringify((c as Case).scorer)}`);
  }
}
