// Reads an answer's variables by their definitions: "Let x be the princess's age" makes "x = 4k" say "princess = 4k".

const VAR = String.raw`\$?([A-Za-z])\$?`;
// A possessive names whose value the letter is: "the princess's (age)". "k is any integer" defines nothing.
const NOUN = String.raw`(?:the\s+)?(\p{L}+)['’]s`;
// "Let P be the princess's age", "Let x denote the prince's age", "where Q is the prince's age".
const LET_VAR_BE = new RegExp(String.raw`\b(?:let|where|with)\s+${VAR}\s+(?:be|denote|represent|is|stand for)\s+${NOUN}(?=[\s,.;)]|$)`, 'giu');
// "... and y the prince's", "and $Q$ the prince's age", right after a definition above.
const AND_VAR = new RegExp(String.raw`^(?:\s+(?:current|present)?\s*age)?\s*,?\s+and\s+${VAR}\s+(?:(?:be|is|denote)\s+)?${NOUN}(?=[\s,.;)]|$)`, 'iu');
// "Let the princess's age be P", "the prince's present age is Q".
const NOUN_AGE_BE = new RegExp(String.raw`\b(?:let\s+)?the\s+(\p{L}+)['’]s\s+(?:(?:current|present)\s+)?(?:age\s+)?(?:be|is|=)\s+${VAR}(?![\p{L}])`, 'giu');
// "... and the prince's be Q", right after a definition above.
const AND_NOUN = new RegExp(String.raw`^\s*,?\s+and\s+the\s+(\p{L}+)['’]s\s+(?:(?:current|present)\s+)?(?:age\s+)?(?:be|is|=)\s+${VAR}(?![\p{L}])`, 'iu');

/** The nouns that single-letter variables stand for in `text` ("P" → "princess"); later definitions win. */
export function variableDefinitions(text: string): Map<string, string> {
  const defined = new Map<string, string>();
  const define = (letter: string | undefined, noun: string | undefined): void => {
    if (letter !== undefined && noun !== undefined && noun.length > 1) defined.set(letter, noun.toLowerCase());
  };
  for (const m of text.matchAll(LET_VAR_BE)) {
    define(m[1], m[2]);
    const more = AND_VAR.exec(text.slice(m.index + m[0].length));
    define(more?.[1], more?.[2]);
  }
  for (const m of text.matchAll(NOUN_AGE_BE)) {
    define(m[2], m[1]);
    const more = AND_NOUN.exec(text.slice(m.index + m[0].length));
    define(more?.[2], more?.[1]);
  }
  return defined;
}

/** `answer` with each defined variable replaced by its noun; unchanged when nothing is defined. */
export function withDefinitions(answer: string, definitions: Map<string, string>): string {
  let result = answer;
  for (const [letter, noun] of definitions) {
    result = result.replace(new RegExp(String.raw`(?<![\p{L}\\])${letter}(?![\p{L}])`, 'gu'), noun);
  }
  return result;
}
