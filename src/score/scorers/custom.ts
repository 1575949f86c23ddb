// The custom scorer: a module of the suite's own, loaded only when a suite names it.
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { invalidInput } from '../../errors.js';
import type { Case } from '../../schema/suite.js';
import { finalAnswerText } from '../extract.js';
import type { Scorer } from '../scorer.js';
import { collapseAnswerText } from './regex.js';

type CustomCase = Extract<Case, { scorer: 'custom' }>;

/**
 * What a custom scorer module exports. `isCorrect` is required; `extract` defaults to the final
 * answer text (whitespace collapsed), which is then also the vote key.
 */
export interface CustomScorerModule {
  isCorrect(answer: string, c: CustomCase): boolean | Promise<boolean>;
  extract?(text: string, c: CustomCase): string | null;
}

/** Loads `module` (a path relative to the suite file) once per path. */
export async function loadCustomModule(modulePath: string, suitePath: string, cache: Map<string, Promise<CustomScorerModule>>): Promise<CustomScorerModule> {
  const path = resolve(dirname(suitePath), modulePath);
  let loading = cache.get(path);
  if (!loading) {
    loading = import(pathToFileURL(path).href).then(
      (loaded: Partial<CustomScorerModule> & { default?: Partial<CustomScorerModule> }) => {
        const module = typeof loaded.isCorrect === 'function' ? loaded : loaded.default;
        if (typeof module?.isCorrect !== 'function') {
          throw invalidInput(`${suitePath}: custom scorer ${modulePath} exports no isCorrect(answer, case) function.`);
        }
        return module as CustomScorerModule;
      },
      (error: Error) => {
        throw invalidInput(`${suitePath}: cannot load custom scorer ${modulePath}: ${error.message.split('\n')[0]}`);
      },
    );
    cache.set(path, loading);
  }
  return loading;
}

/** A Scorer around a loaded module. */
export function customScorer(c: CustomCase, module: CustomScorerModule): Scorer {
  return {
    extract(text) {
      if (module.extract) return module.extract(text, c);
      const span = finalAnswerText(text);
      return span === null ? null : collapseAnswerText(span) || null;
    },
    isCorrect: (answer) => module.isCorrect(answer, c),
  };
}
