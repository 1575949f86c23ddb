// Loads a suite's custom scorer modules: code of the suite's own, imported only when a case names it.
import { dirname, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { invalidInput } from '../errors.js';
import type { Suite } from '../schema/suite.js';
import type { CustomModules, CustomScorerModule } from '../score/scorers/custom.js';

/** Imports every module the suite's cases name, once each. */
export async function loadCustomModules(suite: Pick<Suite, 'path' | 'cases'>): Promise<CustomModules> {
  const modules = new Map<string, CustomScorerModule>();
  for (const c of suite.cases) {
    if (c.scorer === 'custom' && !modules.has(c.module)) modules.set(c.module, await loadCustomModule(c.module, suite.path));
  }
  return modules;
}

async function loadCustomModule(modulePath: string, suitePath: string): Promise<CustomScorerModule> {
  const path = resolve(dirname(suitePath), modulePath);
  let loaded: Partial<CustomScorerModule> & { default?: Partial<CustomScorerModule> };
  try {
    loaded = await import(pathToFileURL(path).href);
  } catch (error) {
    throw invalidInput(`${suitePath}: cannot load custom scorer ${modulePath}: ${(error as Error).message.split('\n')[0]}`);
  }
  const module = typeof loaded.isCorrect === 'function' ? loaded : loaded.default;
  if (typeof module?.isCorrect !== 'function') {
    throw invalidInput(`${suitePath}: custom scorer ${modulePath} exports no isCorrect(answer, case) function.`);
  }
  return module as CustomScorerModule;
}
