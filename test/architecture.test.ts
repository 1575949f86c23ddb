// The shape of src/: no import cycle through values, and the pure scoring layer touches no I/O layer.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const SRC = fileURLToPath(new URL('../src', import.meta.url));
// `import x from './y.js'`, `export { x } from './y.js'`, `import('./y.js')`; `import type` and `export type` carry no values.
const VALUE_IMPORT = /^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"](\.[^'"]+)['"]|import\(\s*['"`](\.[^'"`]+)['"`]\s*\)/gm;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(path) : entry.name.endsWith('.ts') ? [path] : [];
  });
}

/** Each file's value imports inside src, as paths relative to src. */
function valueImports(): Map<string, string[]> {
  const graph = new Map<string, string[]>();
  for (const file of sourceFiles(SRC)) {
    const text = readFileSync(file, 'utf8');
    const targets = [...text.matchAll(VALUE_IMPORT)].map((m) => relative(SRC, resolve(dirname(file), (m[1] ?? m[2])!).replace(/\.js$/, '.ts')));
    graph.set(relative(SRC, file), targets);
  }
  return graph;
}

function findCycle(graph: Map<string, string[]>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    if (state.get(node) === 'done') return null;
    if (state.get(node) === 'open') return [...stack.slice(stack.indexOf(node)), node];
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      const cycle = visit(next);
      if (cycle) return cycle;
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    const cycle = visit(node);
    if (cycle) return cycle;
  }
  return null;
}

describe('the architecture of src/', () => {
  const graph = valueImports();

  test('the import parser sees the imports it should (a guard for the checks below)', () => {
    expect(graph.get('cli.ts')).toEqual(expect.arrayContaining(['errors.ts', 'tool.ts', 'commands/run.ts']));
    expect(
      findCycle(
        new Map([
          ['a.ts', ['b.ts']],
          ['b.ts', ['a.ts']],
        ]),
      ),
    ).toEqual(['a.ts', 'b.ts', 'a.ts']);
  });

  test('no import cycle goes through values', () => {
    expect(findCycle(graph)).toBeNull();
  });

  test('src/score imports nothing from src/run, src/model or src/grade: scoring is pure', () => {
    const impure = [...graph].flatMap(([file, targets]) =>
      file.startsWith('score/') ? targets.filter((t) => /^(run|model|grade|commands|result)\//.test(t)).map((t) => `${file} -> ${t}`) : [],
    );
    expect(impure).toEqual([]);
  });

  test('only src/model imports the openai SDK', () => {
    const importers = sourceFiles(SRC)
      .filter((file) => /from\s+['"]openai['"]/.test(readFileSync(file, 'utf8')))
      .map((file) => relative(SRC, file));
    expect(importers.length).toBeGreaterThan(0);
    expect(importers.filter((file) => !file.startsWith('model/'))).toEqual([]);
  });
});
