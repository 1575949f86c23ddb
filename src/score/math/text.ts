// Answers that are words, not mathematics: names, yes/no, multiple-choice letters, and their normalised keys.

/** The text key of a span: lower case, no quotes or emphasis, single spaces, no surrounding punctuation. Signs stay. */
export function textKey(text: string): string {
  return text
    .toLowerCase()
    .replace(/["“”‘’`*]|(?<![a-z])'|'(?![a-z])/g, '')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^[.,;:!?\s]+|[.,;:!?\s]+$/g, '');
}

/** A multiple-choice letter as `(C)`: `C`, `(C)`, `C)`, or `(C)` followed by the option's text. */
export function choiceLetter(text: string): string | null {
  const letter = /^\(?([A-Z])\)?$/.exec(text)?.[1] ?? /^\(([A-Z])\)(?:\s+\S.*)?$/.exec(text)?.[1];
  return letter === undefined ? null : `(${letter})`;
}

// Words that are answers even though they are short; anything else needs a word of 3+ letters.
const SHORT_WORDS = /^(?:no|yes|ok|none|odd|even|neither|both)$/i;

/** Whether a span is made of words ("Evelyn", "east", "no solution"), not letters multiplied together. */
export function isWordAnswer(text: string): boolean {
  if (!/^[a-zA-Z][a-zA-Z'’\- ]*$/.test(text)) return false;
  return SHORT_WORDS.test(text) || /[a-zA-Z]{3,}/.test(text);
}
