// The packed package in a project of its own: `import { evaluate } from 'thinkbench'` type-checks and runs, and the CLI runs a suite there.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const pkg = JSON.parse(execFileSync('npm', ['pkg', 'get', 'dependencies'], { cwd: ROOT, encoding: 'utf8' })) as Record<string, string>;
let project: string;

// The tarball's own files are unpacked as node_modules/thinkbench; its dependencies (and the compiler)
// are linked from this repository's installed tree, so no test needs the registry.
beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'thinkbench-user-'));
  const packed = execFileSync('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', project], { cwd: ROOT, encoding: 'utf8' })
    .trim()
    .split('\n')
    .at(-1)!;
  const target = join(project, 'node_modules', 'thinkbench');
  mkdirSync(target, { recursive: true });
  execFileSync('tar', ['-xzf', join(project, packed), '-C', target, '--strip-components=1']);
  for (const dep of [...Object.keys(pkg), 'typescript', '@types/node']) {
    mkdirSync(join(project, 'node_modules', dep, '..'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', dep), join(project, 'node_modules', dep));
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', type: 'module', private: true }));
}, 120_000);

describe('the packed package', () => {
  test('ships the CLI, compiled code with declarations, the suites and the datasets, and no tests', () => {
    const files = readdirSync(join(project, 'node_modules', 'thinkbench'));
    expect(files).toEqual(expect.arrayContaining(['bin', 'dist', 'suites', 'package.json', 'README.md', 'LICENSE']));
    expect(readdirSync(join(project, 'node_modules', 'thinkbench', 'dist'))).toContain('index.d.ts');
    expect(files).not.toContain('test');
  });

  test("import { evaluate } from 'thinkbench' type-checks and runs against the simulated model", () => {
    writeFileSync(
      join(project, 'eval.ts'),
      [
        "import { createModelClient, evaluate, parseSuite, startMockServer, type Result } from 'thinkbench';",
        "const suite = parseSuite('name: mine\\ncases:\\n  - id: sum\\n    prompt: What is 2 + 3?\\n    expected: 5\\n    scorer: number\\n', 'mine.yaml');",
        'const server = await startMockServer();',
        'const client = createModelClient({ baseUrl: server.url, timeoutMs: 10_000, maxRetries: 1 });',
        "const result: Result = await evaluate({ suite, client, model: 'thinkbench-sim-100', baseUrl: server.url, simulated: true, concurrency: 2, timeoutMs: 10_000, samplesOverride: 3 });",
        'await server.close();',
        'console.log(JSON.stringify({ accuracy: result.summary.accuracy, samples: result.summary.samples }));',
      ].join('\n'),
    );
    writeFileSync(
      join(project, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          types: ['node'],
          skipLibCheck: true,
          outDir: 'out',
        },
        files: ['eval.ts'],
      }),
    );
    execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', '.'], { cwd: project, encoding: 'utf8' });
    const printed = execFileSync(process.execPath, ['out/eval.js'], { cwd: project, encoding: 'utf8' });
    expect(JSON.parse(printed)).toEqual({ accuracy: 1, samples: 3 });
  }, 60_000);

  test('a type error against the package is caught: the declarations are real', () => {
    writeFileSync(join(project, 'bad.ts'), "import { evaluate } from 'thinkbench';\nawait evaluate({ suite: 'not a suite' });\n");
    writeFileSync(
      join(project, 'tsconfig.bad.json'),
      JSON.stringify({
        compilerOptions: {
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          target: 'ES2022',
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          types: ['node'],
        },
        files: ['bad.ts'],
      }),
    );
    const check = () => execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.bad.json'], { cwd: project, encoding: 'utf8' });
    let printed = '';
    try {
      check();
    } catch (error) {
      printed = String((error as { stdout?: string }).stdout);
    }
    expect(printed).toMatch(/bad\.ts.*error TS2/);
  }, 60_000);

  test('the CLI runs a suite of the project its own', () => {
    writeFileSync(join(project, 'capitals.yaml'), 'name: capitals\ncases:\n  - id: add\n    prompt: What is 12 + 30?\n    expected: 42\n    scorer: number\n');
    const out = execFileSync(
      process.execPath,
      ['node_modules/thinkbench/bin/thinkbench.js', 'run', 'capitals.yaml', '--samples', '2', '--quiet', '--out', 'r.json'],
      { cwd: project, encoding: 'utf8', env: { ...process.env, OPENAI_API_KEY: '', OPENAI_BASE_URL: '' } },
    );
    expect(out).toMatch(/built-in simulated model/);
    expect(out).toMatch(/Result written to r\.json/);
  }, 60_000);
});
