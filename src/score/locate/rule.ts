// The shape of a locator rule: a name, whether strict reading keeps it, and how it finds an answer span.

/** How leniently replies are read: any phrasing (the default), or only the format the prompt asked for. */
export type Strictness = 'lenient' | 'strict';

/** What a rule reads: the reply (answer tags already read as marker lines), its lines, and the question. */
export interface RuleInput {
  text: string;
  /** The reply's lines, math and code delimiter lines (`\[`, `$$`, fences) removed. */
  lines: string[];
  question: string;
}

/** A span a rule found: `span` is what the scorers read, `written` the same text as the reply wrote it. */
export interface Found {
  span: string;
  written: string;
}

/** One named extraction rule; rules are tried in table order and the first that finds a span wins. */
export interface AnswerRule {
  name: string;
  /** Whether strict reading keeps this rule (it reads an instructed format, as simple-evals does). */
  strict: boolean;
  find(input: RuleInput): Found | null;
}

/** One named reason a found span is no answer (a refusal, a plan, a hedge, a cut-off reply, ...). */
export interface NonAnswerRule {
  name: string;
  /** The answer rules whose spans this rule checks; all when absent. */
  appliesTo?: readonly string[];
  test(found: Found, input: RuleInput): boolean;
}
