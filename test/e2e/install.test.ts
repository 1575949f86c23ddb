// `npm ci` of the packed tarball into an empty project, offline, then `npx thinkbench` on a suite of that project's own.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { ROOT } from '../helpers/cli.js';

// package.test.ts unpacks the tarball by hand; this one lets npm install it, so `files`, `bin` and the
// dependency ranges are npm's to honour. No registry: the dependencies are packed from this
// repository's installed tree and pinned by a lockfile, as `npm ci` would pin registry tarballs.
const OFFLINE = { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false', npm_config_update_notifier: 'false' };
const ENDPOINTLESS = { ...OFFLINE, OPENAI_API_KEY: '', OPENAI_BASE_URL: '', NO_COLOR: '1' };
let project: string;

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = OFFLINE) {
  const child = spawnSync(command, args, { cwd, env, encoding: 'utf8', timeout: 120_000 });
  if (child.error) throw child.error;
  return { code: child.status, stdout: child.stdout, stderr: child.stderr };
}

/** A tarball of an installed package folder, as npm packs one (`package/` at the top, nested node_modules left out). */
function packInstalled(folder: string, into: string): { resolved: string; integrity: string } {
  const name = `${folder.slice(ROOT.length + 1).replace(/[/@]/g, '_')}.tgz`;
  const packed = run('tar', ['-czf', join(into, name), '--exclude=./node_modules', '--transform=s,^\\.,package,', '-C', folder, '.'], ROOT);
  if (packed.code !== 0) throw new Error(packed.stderr);
  const integrity = `sha512-${createHash('sha512')
    .update(readFileSync(join(into, name)))
    .digest('base64')}`;
  return { resolved: `file:deps/${name}`, integrity };
}

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'thinkbench-install-'));
  mkdirSync(join(project, 'deps'));
  const pack = run('npm', ['pack', '--ignore-scripts', '--silent', '--pack-destination', join(project, 'deps')], ROOT);
  const tarball = pack.stdout.trim().split('\n').at(-1)!;
  const own = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
  const lock = JSON.parse(readFileSync(join(ROOT, 'package-lock.json'), 'utf8')) as { packages: Record<string, Record<string, unknown>> };
  const dependency = { thinkbench: `file:deps/${tarball}` };
  const packages: Record<string, unknown> = {
    '': { name: 'user-project', dependencies: dependency },
    'node_modules/thinkbench': {
      version: own.version,
      resolved: `file:deps/${tarball}`,
      integrity: `sha512-${createHash('sha512')
        .update(readFileSync(join(project, 'deps', tarball)))
        .digest('base64')}`,
      dependencies: own.dependencies,
      bin: own.bin,
      engines: own.engines,
    },
  };
  for (const [where, entry] of Object.entries(lock.packages)) {
    if (where === '' || entry.dev || entry.devOptional || entry.link) continue;
    packages[where] = { ...entry, ...packInstalled(join(ROOT, where), join(project, 'deps')) };
  }
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'user-project', private: true, type: 'module', dependencies: dependency }, null, 2));
  writeFileSync(join(project, 'package-lock.json'), JSON.stringify({ name: 'user-project', lockfileVersion: 3, requires: true, packages }, null, 2));
}, 180_000);

describe('installed with npm into a project of its own', () => {
  test('npm ci installs the tarball offline, with the CLI on the path and the schema in the package', () => {
    const install = run('npm', ['ci'], project);
    expect(install.stderr).not.toMatch(/npm error/);
    expect(install.code).toBe(0);
    expect(existsSync(join(project, 'node_modules/.bin/thinkbench'))).toBe(true);
    expect(readFileSync(join(project, 'node_modules/thinkbench/schema/suite.schema.json'), 'utf8')).toBe(
      readFileSync(join(ROOT, 'schema/suite.schema.json'), 'utf8'),
    );
  }, 180_000);

  test('npx thinkbench validate reads a suite whose $schema line points into node_modules', () => {
    const schemaLine = '# yaml-language-server: $schema=node_modules/thinkbench/schema/suite.schema.json';
    writeFileSync(
      join(project, 'mine.yaml'),
      `${schemaLine}\nname: mine\ncases:\n  - id: sum\n    prompt: What is 12 + 30?\n    expected: 42\n    scorer: number\n`,
    );
    const referenced = join(dirname(join(project, 'mine.yaml')), schemaLine.split('$schema=')[1]!);
    expect(JSON.parse(readFileSync(referenced, 'utf8'))).toMatchObject({ type: 'object', properties: { cases: { type: 'array' } } });
    const validate = run('npx', ['thinkbench', 'validate', 'mine.yaml'], project, ENDPOINTLESS);
    expect(validate.stdout).toMatch(/^mine\.yaml: ok \(mine, 1 cases, \d+ samples by default\)$/m);
    expect(validate.code).toBe(0);
  }, 60_000);

  test('npx thinkbench validate lists every problem of a broken suite and exits 2', () => {
    writeFileSync(
      join(project, 'broken.yaml'),
      'name: broken\ncases:\n  - id: a\n    prompt: q\n    expected: 1\n    scorer: numbr\n  - id: b\n    prompt: q\n    expectd: 2\n  - id: a\n    prompt: q\n    expected: 3\n',
    );
    const validate = run('npx', ['thinkbench', 'validate', 'broken.yaml'], project, ENDPOINTLESS);
    expect(validate.code).toBe(2);
    expect(validate.stderr.trim().split('\n')).toEqual([
      'thinkbench: broken.yaml: 3 errors',
      'broken.yaml:6:13 cases[0].scorer: unknown scorer "numbr" (expected number, text, choice, regex, math, code, judge, custom)',
      'broken.yaml:9:14 cases[1].expectd: unknown field "expectd"',
      'broken.yaml:10:9 cases[2].id: duplicate case id "a" (first used by cases[0])',
    ]);
  }, 60_000);

  test('npx thinkbench run runs that suite against the simulated model and writes the result', () => {
    const result = run('npx', ['thinkbench', 'run', 'mine.yaml', '--samples', '2', '--quiet', '--out', 'r.json'], project, ENDPOINTLESS);
    expect(result.code).toBe(0);
    expect(JSON.parse(readFileSync(join(project, 'r.json'), 'utf8'))).toMatchObject({ simulated: true, summary: { cases: 1 } });
  }, 60_000);

  test('npm publish --dry-run finds nothing to fix and needs no network', () => {
    const publish = run('npm', ['publish', '--dry-run', '--ignore-scripts'], ROOT);
    expect(publish.code).toBe(0);
    // Its only warning is that nobody is logged in to the registry, which a dry run does not need.
    const warnings = publish.stderr.split('\n').filter((line) => /^npm (warn|error)/.test(line) && !/requires you to be logged in .*\(dry-run\)/.test(line));
    expect(warnings).toEqual([]);
    expect(publish.stderr).toMatch(/schema\/suite\.schema\.json/);
  }, 60_000);
});
