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
  role: z.enum(['system', 'developer', 'user', 'assistant']),
  content: z.string(),
});
export type ChatMessage = z.infer<typeof message>;

/** Request parameters passed through to the endpoint as they are. */
export const Params = z.record(z.string(), z.unknown());
export type Params = z.infer<typeof Params>;

const judgeEndpoint = z.strictObject({
  model: z.string().optional(),
  baseUrl: z.string().optional(),
  apiKeyEnv: z.string().optional(),
  params: Params.optional(),
});

/** Fields a case may set and `defaults` may supply. */
const settings = {
  samples: z.number().int().positive().max(10_000).optional(),
  scorer: scorerName.optional(),
  system: z.string().optional(),
  instructions: z.string().optional(),
  params: Params.optional(),
  timeout: duration.optional(),
  tolerance: z.number().nonnegative().optional(),
  rubric: z.string().optional(),
  judge: judgeEndpoint.optional(),
  module: z.string().optional(),
  /** code: the program's language. */
  language: z.enum(['python', 'javascript']).optional(),
  /** code: the tests the program must pass (HumanEval's `check(candidate)` for Python; node:assert code for JavaScript). */
  tests: z.string().optional(),
  /** code: the function the tests are given (HumanEval's entry_point). */
  entryPoint: z.string().optional(),
  /** code: what the program completes (HumanEval's prompt): its imports go before every program, and all of it before a reply that gives only the body. */
  preamble: z.string().optional(),
};

const expectedValue = z.union([z.string(), z.number(), z.boolean()]);

/** A case as written in the file, before `defaults` are merged in. */
export const RawCase = z.strictObject({
  id: z.string().min(1).regex(/^[\w.:/-]+$/, 'ids use letters, digits and . _ : / - only'),
  prompt: z.string().optional(),
  messages: z.array(message).min(1).optional(),
  expected: expectedValue.optional(),
  choices: z.array(z.union([z.string(), z.number()]).transform(String)).min(2).optional(),
  tags: z.array(z.string()).optional(),
  ...settings,
});
export type RawCase = z.infer<typeof RawCase>;

/** The dataset formats `dataset.format` names (else the file's extension decides). */
export const DatasetFormat = z.enum(['jsonl', 'csv', 'parquet']);
export type DatasetFormat = z.infer<typeof DatasetFormat>;

const filterScalar = z.union([z.string(), z.number(), z.boolean()]);

// Every case field may be given in a dataset block, as a `{{field}}` template or a plain value; each
// row's filled-in case is then validated as RawCase, so the types are checked there.
const caseTemplates = Object.fromEntries(Object.keys(RawCase.shape).map((key) => [key, z.unknown().optional()])) as Record<
  keyof typeof RawCase.shape,
  z.ZodOptional<z.ZodUnknown>
>;

/** Cases drawn from a data file: where it is and which rows, plus case fields as `{{field}}` templates. */
export const DatasetSpec = z.strictObject({
  path: z.string().min(1),
  format: DatasetFormat.optional(),
  filter: z
    .record(z.string(), z.union([filterScalar, z.array(filterScalar).min(1), z.strictObject({ matches: z.string() })]))
    .optional(),
  limit: z.number().int().positive().optional(),
  ...caseTemplates,
});
export type DatasetSpec = z.infer<typeof DatasetSpec>;

/** The suite file as written. */
export const RawSuite = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  model: z.string().optional(),
  defaults: z.strictObject(settings).optional(),
  cases: z.array(RawCase).optional(), // at least one case, here or from `dataset`: checked by the loader
  dataset: DatasetSpec.optional(),
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
});

/** A case ready to run: defaults merged, messages built, scorer settings checked. */
export const Case = z.discriminatedUnion('scorer', [
  caseBase.extend({
    scorer: z.literal('number'),
    expected: z.union([z.number(), z.string().regex(/\d/, 'a number scorer needs a numeric expected value')]),
    tolerance: z.number().nonnegative().default(0),
  }),
  caseBase.extend({ scorer: z.literal('text') }),
  caseBase.extend({ scorer: z.literal('choice'), choices: z.array(z.string()).min(2) }),
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
