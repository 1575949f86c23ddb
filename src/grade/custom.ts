// Loads a suite's custom scorer modules: code of the suite's own, imported only when a case names it.
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { invalidInput } from '../errors.js';
import type { Suite } from '../schema/suite.js';
import type { CustomModules, CustomScorerModule } from '../score/scorers/custom.js';

/** thinkbench's own shipped suites: their modules ship with it and are trusted like its code. */
const SHIPPED_SUITES = fileURLToPath(new URL('../../suites/', import.meta.url));

/**
 * Imports every module the suite's cases name, once each. A module is code the suite runs on this
 * machine, so: it must lie in the suite's own folder (no `..`, no absolute path), and it runs only
 * for thinkbench's shipped suites or when the user allowed it (`--allow-custom-scorers`).
 */
export async function loadCustomModules(suite: Pick<Suite, 'path' | 'cases'>, options: { allow?: boolean } = {}): Promise<CustomModules> {
  const modules = new Map<string, CustomScorerModule>();
  for (const c of suite.cases) {
    if (c.scorer !== 'custom' || modules.has(c.module)) continue;
    checkTrusted(c.module, suite.path, options.allow === true);
    modules.set(c.module, await loadCustomModule(c.module, suite.path));
  }
  return modules;
}

/** The custom modules a suite would run, resolved: what `validate` reports. */
export function customModulePaths(suite: Pick<Suite, 'path' | 'cases'>): string[] {
  return [...new Set(suite.cases.flatMap((c) => (c.scorer === 'custom' ? [resolve(dirname(suite.path), c.module)] : [])))];
}

function checkTrusted(modulePath: string, suitePath: string, allowed: boolean): void {
  const folder = resolve(dirname(suitePath));
  const inside = relative(folder, resolve(folder, modulePath));
  if (isAbsolute(modulePath) || inside.startsWith('..') || isAbsolute(inside)) {
    throw invalidInput(`${suitePath}: custom scorer ${modulePath} is outside the suite's folder; a suite may only run modules kept beside it.`);
  }
  const shipped = !relative(SHIPPED_SUITES, folder).startsWith('..');
  if (!shipped && !allowed) {
    throw invalidInput(`${suitePath} runs code on this machine (custom scorer ${modulePath}); read it, then pass --allow-custom-scorers to run it.`);
  }
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
