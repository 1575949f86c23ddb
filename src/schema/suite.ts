// Zod schemas for suites: the single source of the Suite and Case types.
import { z } from 'zod';
import { parseDuration } from '../duration.js';

/** Names of the built-in scorers, in the order error messages list them. */
export const SCORER_NAMES = ['number', 'text', 'choice', 'regex', 'math', 'code', 'judge', 'custom'] as const;
export type ScorerName = (typeof SCORER_NAMES)[number];

const scorerName = z.enum(SCORER_NAMES, {
  error: (issue) => `unknown scorer ${JSON.stringify(issue.input)} (expected ${SCORER_NAMES.join(', ')})`,
});

const duration = z.union([z.string(), z.number()]).transform((value, ctx) => {
  try {
    return parseDuration(value);
  } catch (error) {
    ctx.addIssue({ code: 'custom', message: (error as Error).message });
    return z.NEVER;
  }
});

const message = z.strictObject({
  role: z.enum(['system', 'developer', 'user', 'assistant']).describe('Who speaks: system, developer, user or assistant.'),
  content: z.string().describe('The text of the message.'),
});
export type ChatMessage = z.infer<typeof message>;

/** Request parameters passed through to the endpoint as they are. */
export const Params = z.record(z.string(), z.unknown());
export type Params = z.infer<typeof Params>;

const judgeEndpoint = z.strictObject({
  model: z.string().optional().describe('The judge model (default: the model under test).'),
  baseUrl: z.string().optional().describe("The judge endpoint's OpenAI-compatible base URL (default: the run's endpoint)."),
  apiKeyEnv: z.string().optional().describe("Name of the environment variable that holds the judge endpoint's API key."),
  params: Params.optional().describe('Request parameters for the judge, passed to its endpoint as they are.'),
});

/** Fields a case may set and `defaults` may supply. */
const settings = {
  samples: z.number().int().positive().max(10_000).optional().describe('Samples drawn per case; their answers are voted on (default 5, or --samples).'),
  scorer: scorerName
    .optional()
    .describe('How the voted answer is compared with `expected`: number, text, choice, regex, math, code, judge or custom (default text).'),
  system: z.string().optional().describe('A system message put before the prompt (unless the messages already have one).'),
  instructions: z.string().optional().describe('Text appended to the last user message, e.g. how to state the final answer.'),
  params: Params.optional().describe(
    "Request parameters passed to the endpoint as they are (temperature, max_completion_tokens, reasoning_effort...); a case's are merged over the defaults'.",
  ),
  timeout: duration.optional().describe('Time limit for one request: a duration such as 90s, 5m or 1h30m, or milliseconds as a number.'),
  tolerance: z.number().nonnegative().optional().describe('number scorer: the largest absolute difference still counted right (default 0).'),
  rubric: z.string().optional().describe('judge scorer: what the judge model checks the answer against.'),
  judge: judgeEndpoint.optional().describe('judge scorer: the endpoint and model that grade the answers.'),
  module: z.string().optional().describe('custom scorer: path of a module (relative to the suite) that exports the scoring function.'),
  /** code: the program's language. */
  language: z.enum(['python', 'javascript']).optional().describe("code scorer: the program's language, python or javascript (default python)."),
  /** code: the tests the program must pass (HumanEval's `check(candidate)` for Python; node:assert code for JavaScript). */
  tests: z
    .string()
    .optional()
    .describe("code scorer: the tests the program must pass (HumanEval's check(candidate) for Python; node:assert code for JavaScript)."),
  /** code: the function the tests are given (HumanEval's entry_point). */
  entryPoint: z.string().optional().describe("code scorer: the function the tests are given (HumanEval's entry_point)."),
  /** code: what the program completes (HumanEval's prompt): its imports go before every program, and all of it before a reply that gives only the body. */
  preamble: z.string().optional().describe("code scorer: what the program completes (HumanEval's prompt); its imports go before every program."),
  extract: z
    .enum(['lenient', 'strict'])
    .optional()
    .describe(
      'How final answers are read: lenient (any phrasing a careful reader accepts; the default) or strict (only an Answer line, \\boxed{} or a JSON answer).',
    ),
  direction: z
    .enum(['greater', 'lesser'])
    .optional()
    .describe('choice scorer: which option a comparison asks for (greater or lesser); else read from the question.'),
  leadIns: z.array(z.string()).optional().describe('text scorer: lead-ins to drop before the answer text ("The decoded message is"), as RE2 patterns.'),
};

const expectedValue = z.union([z.string(), z.number(), z.boolean()]);

/** A case as written in the file, before `defaults` are merged in. */
export const RawCase = z.strictObject({
  id: z
    .string()
    .min(1)
    .regex(/^[\w.:/-]+$/, 'ids use letters, digits and . _ : / - only')
    .describe('Unique name of the case in the suite (letters, digits and . _ : / -).'),
  prompt: z.string().optional().describe('The question, sent as one user message (or give `messages`).'),
  messages: z.array(message).min(1).optional().describe('The conversation to send, instead of `prompt`.'),
  expected: expectedValue.optional().describe('The right answer the voted answer is scored against (a pattern for regex; optional for code).'),
  choices: z
    .array(z.union([z.string(), z.number()]).transform(String))
    .min(2)
    .optional()
    .describe('choice scorer: the options; `expected` must be one of them.'),
  tags: z.array(z.string()).optional().describe('Labels to group results by.'),
  ...settings,
});
export type RawCase = z.infer<typeof RawCase>;

/** The dataset formats `dataset.format` names (else the file's extension decides). */
export const DatasetFormat = z.enum(['jsonl', 'csv', 'parquet']).describe("The data file's format: jsonl, csv or parquet (default: from its extension).");
export type DatasetFormat = z.infer<typeof DatasetFormat>;

const filterScalar = z.union([z.string(), z.number(), z.boolean()]);

// Every case field may be given in a dataset block, as a `{{field}}` template or a plain value; each
// row's filled-in case is then validated as RawCase, so the types are checked there.
const caseTemplates = Object.fromEntries(
  Object.keys(RawCase.shape).map((key) => [
    key,
    z.unknown().optional().describe(`The case's "${key}" for every row: a value, or a template such as "{{column}}".`),
  ]),
) as Record<keyof typeof RawCase.shape, z.ZodOptional<z.ZodUnknown>>;

/** Cases drawn from a data file: where it is and which rows, plus case fields as `{{field}}` templates. */
export const DatasetSpec = z.strictObject({
  path: z.string().min(1).describe('Path of the data file, relative to the suite.'),
  format: DatasetFormat.optional(),
  filter: z
    .record(
      z.string(),
      z.union([filterScalar, z.array(filterScalar).min(1), z.strictObject({ matches: z.string().describe('A regular expression the value must match.') })]),
    )
    .optional()
    .describe('Rows to keep: column -> a value, a list of values, or { matches: regex }.'),
  limit: z.number().int().positive().optional().describe('Keep at most this many rows (after the filter).'),
  ...caseTemplates,
});
export type DatasetSpec = z.infer<typeof DatasetSpec>;

/** The suite file as written. */
export const RawSuite = z.strictObject({
  name: z.string().min(1).describe('Name of the suite, shown in results and reports.'),
  description: z.string().optional().describe('What the suite measures.'),
  model: z.string().optional().describe('The model to run by default (--model overrides it).'),
  defaults: z.strictObject(settings).optional().describe('Settings every case gets unless it sets its own.'),
  cases: z.array(RawCase).optional().describe('The cases, each a question and its expected answer.'), // at least one case, here or from `dataset`: checked by the loader
  dataset: DatasetSpec.optional().describe('Cases drawn from a data file (JSONL, CSV or Parquet), one per row.'),
});
export type RawSuite = z.infer<typeof RawSuite>;

const caseBase = z.object({
  id: z.string(),
  messages: z.array(message).min(1),
  expected: expectedValue,
  tags: z.array(z.string()),
  samples: z.number().int().positive().optional(),
  params: Params,
  timeoutMs: z.number().optional(),
  rubric: z.string().optional(),
  judge: judgeEndpoint.optional(),
  extract: z.enum(['lenient', 'strict']).optional(),
});

/** A case ready to run: defaults merged, messages built, scorer settings checked. */
export const Case = z.discriminatedUnion('scorer', [
  caseBase.extend({
    scorer: z.literal('number'),
    expected: z.union([z.number(), z.string().regex(/\d/, 'a number scorer needs a numeric expected value')]),
    tolerance: z.number().nonnegative().default(0),
  }),
  caseBase.extend({ scorer: z.literal('text'), leadIns: z.array(z.string()).optional() }),
  caseBase.extend({ scorer: z.literal('choice'), choices: z.array(z.string()).min(2), direction: z.enum(['greater', 'lesser']).optional() }),
  caseBase.extend({ scorer: z.literal('regex'), expected: z.string() }),
  caseBase.extend({ scorer: z.literal('math'), expected: z.union([z.string(), z.number()]) }),
  caseBase.extend({
    scorer: z.literal('code'),
    // A program is right when its tests pass; `expected` (a reference solution) is optional.
    expected: expectedValue.optional(),
    language: z.enum(['python', 'javascript']).default('python'),
    tests: z.string(),
    entryPoint: z.string().optional(),
    preamble: z.string().optional(),
  }),
  caseBase.extend({ scorer: z.literal('judge') }),
  caseBase.extend({ scorer: z.literal('custom'), module: z.string() }),
]);
export type Case = z.infer<typeof Case>;

/** A loaded suite: its cases resolved, plus where it came from. */
export const Suite = z.object({
  name: z.string(),
  description: z.string().optional(),
  model: z.string().optional(),
  path: z.string(),
  sha256: z.string(),
  /** The dataset the cases were drawn from, if any; `sha256` above then covers its bytes too. */
  dataset: z.object({ path: z.string(), sha256: z.string(), rows: z.number() }).optional(),
  cases: z.array(Case),
});
export type Suite = z.infer<typeof Suite>;
