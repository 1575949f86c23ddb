// The scorer registry: one builder per scorer name, exhaustive over the suite schema's scorer variants.
import type { Case, ScorerName } from '../../schema/suite.js';
import type { Scorer, ScorerFactory } from '../scorer.js';
import { strictnessOf } from '../extract.js';
import { readAnswerText } from './answer-text.js';
import { choiceScorer } from './choice.js';
import { codeScorer } from './code.js';
import { type CustomModules, customScorer } from './custom.js';
import { mathScorer } from './math.js';
import { numberScorer } from './number.js';
import { regexScorer } from './regex.js';
import { textScorer } from './text.js';

/** What builders may need beyond the case: the suite's loaded custom modules. */
export interface ScorerDeps {
  modules?: CustomModules;
}

type Builders = { [K in ScorerName]: (c: Extract<Case, { scorer: K }>, deps: ScorerDeps) => Scorer };

// A scorer name missing here is a compile error: the mapped type demands one builder per name.
const BUILDERS: Builders = {
  number: numberScorer,
  text: textScorer,
  choice: choiceScorer,
  regex: regexScorer,
  math: mathScorer,
  code: codeScorer,
  judge: (c) => ({ read: (text) => readAnswerText(text, '', strictnessOf(c)) }),
  custom: (c, { modules }) => {
    const module = modules?.get(c.module);
    if (!module) throw new Error(`case ${c.id}: custom scorer ${c.module} is not loaded (loadCustomModules)`);
    return customScorer(c, module);
  },
};

/** The scorer for one case. */
export function scorerFor(c: Case, deps: ScorerDeps = {}): Scorer {
  const build = BUILDERS[c.scorer] as (c: Case, deps: ScorerDeps) => Scorer;
  return build(c, deps);
}

/** A factory that builds each case's scorer once (scorers precompute from `expected`). */
export function scorerFactory(deps: ScorerDeps = {}): ScorerFactory {
  const built = new WeakMap<Case, Scorer>();
  return (c) => {
    let scorer = built.get(c);
    if (!scorer) built.set(c, (scorer = scorerFor(c, deps)));
    return scorer;
  };
}
