// Commander wiring: the only catch in the program, mapping typed errors to exit codes.
import { Command, CommanderError, Option } from 'commander';
import { EXIT, ThinkbenchError } from './errors.js';
import { sanitize } from './report/sanitize.js';
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
  .addOption(
    new Option('--base-url <url>', 'OpenAI-compatible endpoint (else OPENAI_BASE_URL; none: the built-in simulated model); repeat it for replicas of one model')
      .argParser(collect)
      .default([]),
  )
  .option('--model <name>', "model name (else the suite's model)")
  .option('--api-key-env <name>', 'environment variable holding the API key', 'OPENAI_API_KEY')
  .option('--samples <n>', 'samples per case (overrides the suite)')
  .option('--concurrency <n|auto>', "requests in flight at once, or auto: adapt to the endpoint's rate limits (x-ratelimit headers, 429s), up to 64", '8')
  .option('--timeout <duration>', "time limit for one sample, retries included (default: the suite's, else 10m)")
  .option('--time-budget <duration>', 'time limit for the whole run; the result is then partial')
  .option('--max-retries <n>', 'retries per request for 408/409/429/5xx, dropped connections and malformed replies', '6')
  .addOption(new Option('--param <key=value>', 'request parameter, repeatable').argParser(collect).default([]))
  .option('--filter <glob>', 'only cases whose id matches the glob')
  .option('--out <file.json>', 'result file (default results/<suite>-<model>-<timestamp>.json)')
  .option('--resume <file.json>', 'continue a cut-short run, reusing its finished samples')
  .option('--fail-under <accuracy>', 'exit 1 when a suite scores below this accuracy (0-1)')
  .addOption(
    new Option('--on-timeout <action>', 'a sample out of time: record a timeout, or ask for its answer now').choices(['error', 'answer']).default('error'),
  )
  .addOption(new Option('--select <how>', "how a case's answer is chosen from its samples").choices(['majority', 'best-of-n']).default('majority'))
  .option('--verifier <judge|module.js>', 'best-of-n: a model (judge) or a module exporting score() that rates each answer', 'judge')
  .option('--judge-model <name>', 'the model the judge verifier uses (default: the model under test)')
  .option('--cache [dir]', 'reuse replies stored by earlier runs (errors are never stored)')
  .option('--junit <file.xml>', 'also write a JUnit XML report, one testcase per case')
  .option('--report <file.html>', 'also write the result as one self-contained HTML page')
  .option('--no-stream', 'ask for whole replies instead of streams')
  .option('--quiet', 'no progress line')
  .option('--verbose', 'list every case in the summary (by default a large suite lists only the cases that went wrong)')
  .option('--adaptive', 'stop sampling a case once its vote is decided (--samples is the cap)')
  .option('--adaptive-confidence <p>', 'with --adaptive: stop when P(leader beats runner-up) reaches this', '0.95')
  .option('--min-samples <n>', 'with --adaptive: never stop a case before this many samples', '1')
  .option('--max-reply-bytes <n>', 'cap on one reply (content and reasoning); past it the sample is truncated (default 4 MiB)')
  .option('--max-error-rate <fraction>', "exit 1 when more than this share of a run's samples failed; every sample failed: exit 3", '0.5')
  .option('--allow-custom-scorers', "run the custom scorer modules of a suite that is not one of thinkbench's own (code from the suite's folder)")
  .option('--judge-api-key-env <name>', "the variable whose key a suite's judge on another endpoint gets (by default it gets none)")
  .option('--allow-code-execution', 'run the programs of code cases against their tests (in bubblewrap where the machine has it); off by default')
  .option('--code-timeout <duration>', 'with --allow-code-execution: wall-clock limit for one program and its tests', '10s')
  .option(
    '--thinking-budget <tokens>',
    "cut each sample's streamed reasoning at this many tokens and ask for the final answer (s1 budget forcing); sweep it with --sweep thinking_budget=256,1024,4096",
  )
  .option('--batch', "send the run as provider batches (OpenAI's Batch API: half the price, up to 24 hours); resume a killed batch run with --resume")
  .option('--shard <i/n>', 'run only shard i of n: a stable share of the (case, sample) pairs; join the shards with thinkbench merge')
  .option('--sweep <param=v1,v2,...>', 'one run per value of a request parameter, each its own result file, then a table of the points')
  .option(
    '--price <spec|file>',
    'price per million tokens (input=1.10,output=4.40,cached=0.275) or a prices file (YAML/JSON by model); default: the bundled price table',
  )
  .action(async (suites: string[], options) => (await import('./commands/run.js')).runCommand(suites, options));

program
  .command('compare')
  .description('compare saved results: per-case changes, paired significance test, leaderboard')
  .argument('<base>', 'baseline result file')
  .argument('<candidate...>', 'candidate result file(s)')
  .option('--fail-on-regression', 'exit 1 when the candidate is significantly worse or regressed too many cases')
  .option('--alpha <p>', 'significance level for --fail-on-regression', '0.05')
  .option('--max-regressions <n>', 'with --fail-on-regression: the most newly failing cases allowed')
  .option('--fail-under <accuracy>', "exit 1 when the candidate's accuracy is below this (0-1)")
  .addOption(new Option('--format <format>', 'output format').choices(['table', 'markdown', 'json']).default('table'))
  .option('--junit <file.xml>', 'also write a JUnit XML report (one testcase per case)')
  .option('--report <file.html>', 'also write the comparison as one self-contained HTML page')
  .option('--min-coverage <fraction>', "with a gate: the share of the base's finished samples the candidate must have (0-1; default all)")
  .option('--force', 'compare even when the files share no case ids')
  .action(async (base: string, candidates: string[], options) => (await import('./commands/compare.js')).compareCommand([base, ...candidates], options));

program
  .command('report')
  .description('write one self-contained HTML report of result files (opens from disk, no server)')
  .argument('<result...>', 'result files; with several, the first is the base the others are compared with')
  .option('-o, --out <file.html>', 'where to write the report (default: beside the first result, <name>.html)')
  .option('--max-reasoning-chars <n>', "cut each sample's reasoning to this many characters (start and end kept)")
  .option('--alpha <p>', 'significance level of the comparison', '0.05')
  .action(async (results: string[], options) => (await import('./commands/report.js')).reportCommand(results, options));

program
  .command('rescore')
  .description('score a saved result again with the current code and suite, without calling the model')
  .argument('<result>', 'result file')
  .option('--suite <file>', "the suite (default: the result's suite path)")
  .option('--out <file.json>', 'where to write the re-scored result (default: <result>-rescored.json)')
  .option('--regrade', 'ask judge models again (otherwise their saved verdicts stand and no model is called)')
  .option('--base-url <url>', 'with --regrade: the judge endpoint (else OPENAI_BASE_URL; none: the simulated model); never the one stored in the file')
  .option('--model <name>', "with --regrade: the judge model (default: the result's model)")
  .option('--api-key-env <name>', 'with --regrade: the variable holding the judge key', 'OPENAI_API_KEY')
  .option('--allow-custom-scorers', "run the suite's custom scorer modules (thinkbench's own suites need no permission)")
  .option(
    '--adaptive',
    'replay the saved samples in index order under the adaptive stopping rule: where each case would have stopped, samples saved, votes changed',
  )
  .option('--adaptive-confidence <p>', 'with --adaptive: the stopping confidence', '0.95')
  .option('--min-samples <n>', 'with --adaptive: never stop a case before this many samples', '1')
  .action(async (result: string, options) => (await import('./commands/rescore.js')).rescoreCommand(result, options));

program
  .command('merge')
  .description("join the result files of a run's shards (--shard i/n) into the result an unsharded run would give")
  .argument('<shard...>', "the shards' result files")
  .option('--out <file.json>', 'the merged result (default: <first shard>-merged.json)')
  .option('--suite <file>', "the suite (default: the shards' suite path)")
  .action(async (files: string[], options) => (await import('./commands/merge.js')).mergeCommand(files, options));

// batch: the OpenAI batch JSONL format, offline (vllm run-batch, hand submission).
const batch = program.command('batch').description('write batch request JSONL, or read batch outputs into a result file');
batch
  .command('export')
  .description("write the suite's requests as OpenAI batch JSONL (for vllm run-batch or a hand-submitted batch)")
  .argument('<suite>', 'suite YAML file')
  .option('--out <requests.jsonl>', 'where to write the requests (default <suite>-requests.jsonl)')
  .option('--samples <n>', 'samples per case (overrides the suite)')
  .option('--model <name>', "the model named in each request (default: the suite's model)")
  .addOption(new Option('--param <key=value>', 'request parameter, repeatable').argParser(collect).default([]))
  .action(async (suite: string, options) => (await import('./commands/batch.js')).batchExportCommand(suite, options));
batch
  .command('import')
  .description('read a batch output JSONL (its error file may be appended) into a scored result file')
  .argument('<outputs>', 'batch output JSONL')
  .requiredOption('--suite <file>', 'the suite the requests came from')
  .option('--out <file.json>', 'result file (default results/<suite>-<model>-<timestamp>.json)')
  .option('--model <name>', 'the model to record (default: the one the completions name)')
  .action(async (outputs: string, options) => (await import('./commands/batch.js')).batchImportCommand(outputs, options));

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
  .addOption(
    new Option('--reasoning <where>', 'where replies carry their reasoning').choices(['field', 'think', 'reasoning', 'prefilled-think']).default('field'),
  )
  .option('--api-key <key>', 'refuse requests without this bearer key (401)')
  .option('--reject-params', 'behave like o-series models: refuse max_tokens and temperature/top_p other than 1')
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
    process.stderr.write(`thinkbench: ${sanitize(error.message)}\n`);
    if (program.opts().debug) process.stderr.write(`${error.stack}\n`);
    return error.exitCode;
  }
  const message = error instanceof Error ? error.message : String(error);
  process.stderr.write(`thinkbench: unexpected error: ${sanitize(message)}\n`);
  process.stderr.write(program.opts().debug && error instanceof Error ? `${error.stack}\n` : 'Run again with --debug for a stack trace.\n');
  return 70;
}

await main();
