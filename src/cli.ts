// Commander wiring: the only catch in the program, mapping typed errors to exit codes.
import { Command, CommanderError, Option } from 'commander';
import { EXIT, ThinkbenchError } from './errors.js';
import { TOOL } from './tool.js';

const program = new Command('thinkbench')
  .description('Evaluate reasoning models: N samples per question, majority vote, honest metrics.')
  .version(TOOL.version)
  .option('--debug', 'print stack traces with errors')
  .exitOverride()
  .configureOutput({ outputError: (text, write) => write(text) });

// Each command module is loaded only when used, so --version and --help start fast.
program
  .command('run')
  .description('run suites against a model and write result files')
  .argument('<suite...>', 'suite YAML files')
  .option('--base-url <url>', 'OpenAI-compatible endpoint (else OPENAI_BASE_URL; none: the built-in simulated model)')
  .option('--model <name>', "model name (else the suite's model)")
  .option('--api-key-env <name>', 'environment variable holding the API key', 'OPENAI_API_KEY')
  .option('--samples <n>', 'samples per case (overrides the suite)')
  .option('--concurrency <n>', 'requests in flight at once', '8')
  .option('--timeout <duration>', 'time limit for one sample, retries included', '10m')
  .option('--time-budget <duration>', 'time limit for the whole run; the result is then partial')
  .option('--max-retries <n>', 'retries per request for 408/409/429/5xx, dropped connections and malformed replies', '6')
  .addOption(new Option('--param <key=value>', 'request parameter, repeatable').argParser(collect).default([]))
  .option('--filter <glob>', 'only cases whose id matches the glob')
  .option('--out <file.json>', 'result file (default results/<suite>-<model>-<timestamp>.json)')
  .option('--resume <file.json>', 'continue a cut-short run, reusing its finished samples')
  .option('--fail-under <accuracy>', 'exit 1 when a suite scores below this accuracy (0-1)')
  .option('--no-stream', 'ask for whole replies instead of streams')
  .option('--quiet', 'no progress line')
  .action(async (suites: string[], options) => (await import('./commands/run.js')).runCommand(suites, options));

program
  .command('validate')
  .description('check suites without calling any endpoint')
  .argument('<suite...>', 'suite YAML files')
  .action(async (suites: string[]) => (await import('./commands/validate.js')).validateCommand(suites));

program
  .command('mock')
  .description('serve the built-in simulated reasoning model on 127.0.0.1')
  .option('--port <n>', 'port to listen on', '8787')
  .option('--accuracy <p>', 'chance that a sample is right', '0.9')
  .option('--latency <duration>', 'delay before each reply', '0ms')
  .action(async (options) => (await import('./commands/mock.js')).mockCommand(options));

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

async function main(): Promise<void> {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    process.exitCode = exitCodeFor(error);
  }
}

function exitCodeFor(error: unknown): number {
  if (error instanceof CommanderError) {
    // Help and --version exit 0; a bad flag or argument is invalid input.
    return error.exitCode === 0 ? EXIT.ok : EXIT.invalidInput;
  }
  if (error instanceof ThinkbenchError) {
    process.stderr.write(`thinkbench: ${error.message}\n`);
    if (program.opts().debug) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`thinkbench: unexpected error: ${message}\n`);
  process.stderr.write(program.opts().debug && error instanceof Error ? `${error.stack}\n` : 'Run again with --debug for a stack trace.\n');
  return 70;
}

await main();
