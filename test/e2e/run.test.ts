// The real CLI as a child process: the first run, bad input, refused keys, gates.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { Result } from '../../src/schema/result.js';
import { mock } from '../helpers/run.js';
import { runCli, suitePath, workDir } from '../helpers/cli.js';

describe('thinkbench run', () => {
  test('with no key and no URL: the built-in simulated model, all four article cases right, a result file', async () => {
    const cwd = workDir();
    const { code, stdout } = await runCli(['run', suitePath('o1-articles'), '--quiet'], { cwd });
    expect(code).toBe(0);
    expect(stdout).toMatch(/No endpoint configured: running on the built-in simulated model/);
    for (const id of ['strawberry', 'decimal-compare', 'cipher', 'prince-princess']) {
      expect(stdout).toMatch(new RegExp(`^${id}\\s.*\\sright$`, 'm'));
    }
    const files = readdirSync(join(cwd, 'results'));
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^o1-articles-thinkbench-sim-\d{8}-\d{9}-[0-9a-f]{4}\.json$/);
    const result = Result.parse(JSON.parse(readFileSync(join(cwd, 'results', files[0]!), 'utf8')));
    expect(result).toMatchObject({ simulated: true, complete: true, samples: 5, summary: { cases: 4, accuracy: 1 } });
  });

  test.each([
    ['a YAML syntax error', 'name: x\ncases:\n  - id: a\n    prompt: "unclosed\n', /bad\.yaml:5:1: YAML syntax error/],
    [
      'an unknown scorer',
      'name: x\ncases:\n  - id: a\n    prompt: q\n    expected: 1\n    scorer: telepathy\n',
      /bad\.yaml:6:13 cases\[0\]\.scorer: unknown scorer "telepathy"/,
    ],
    [
      'a duplicate id',
      'name: x\ncases:\n  - id: a\n    prompt: q\n    expected: 1\n  - id: a\n    prompt: q\n    expected: 1\n',
      /bad\.yaml:6:9 cases\[1\]\.id: duplicate case id "a"/,
    ],
  ])('%s exits 2 naming the place, without a stack trace', async (_, yaml, message) => {
    const cwd = workDir();
    writeFileSync(join(cwd, 'bad.yaml'), yaml);
    for (const command of ['run', 'validate']) {
      const { code, stderr } = await runCli([command, 'bad.yaml'], { cwd });
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr).not.toMatch(/\n\s+at /);
    }
  });

  test('a missing suite file exits 2 naming it', async () => {
    const { code, stderr } = await runCli(['run', 'nowhere.yaml']);
    expect(code).toBe(2);
    expect(stderr).toMatch(/nowhere\.yaml: no such suite file/);
  });

  test('bad flags exit 2', async () => {
    expect((await runCli(['run', suitePath('o1-articles'), '--samples', 'many'])).code).toBe(2);
    expect((await runCli(['run', suitePath('o1-articles'), '--timeout', 'soon'])).code).toBe(2);
    expect((await runCli(['run', suitePath('o1-articles'), '--nonsense'])).code).toBe(2);
  });

  test('a refused key exits 3 within seconds, without hammering the server', async () => {
    const server = await mock({ apiKey: 'the-right-key' });
    const started = Date.now();
    const { code, stderr } = await runCli(['run', suitePath('letter-count'), '--base-url', server.url, '--model', 'thinkbench-sim'], {
      env: { OPENAI_API_KEY: 'a-wrong-key' },
    });
    expect(code).toBe(3);
    expect(stderr).toMatch(/refused the API key \(401/);
    expect(Date.now() - started).toBeLessThan(5000);
    expect(server.stats.requests).toBeLessThanOrEqual(8);
  });

  test('--fail-under exits 1 when the accuracy is below it', async () => {
    const server = await mock();
    const args = ['run', suitePath('o1-articles'), '--base-url', server.url, '--model', 'thinkbench-sim-0', '--quiet'];
    const { code, stderr } = await runCli([...args, '--fail-under', '0.5']);
    expect(code).toBe(1);
    expect(stderr).toMatch(/o1-articles scored 0\.000, under --fail-under 0\.5/);
    expect((await runCli([...args, '--fail-under', '0'])).code).toBe(0);
  });

  test('validate accepts every shipped suite', async () => {
    const suites = ['o1-articles', 'letter-count', 'decimal-compare', 'cipher', 'arithmetic'].map(suitePath);
    const { code, stdout } = await runCli(['validate', ...suites]);
    expect(code).toBe(0);
    expect(stdout.match(/: ok \(/g)).toHaveLength(5);
  });
});
