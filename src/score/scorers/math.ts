// The math scorer: the final answer read as mathematics, equal to `expected` as a careful grader decides.
import type { Case } from '../../schema/suite.js';
import { locateFinalAnswer, strictnessOf } from '../extract.js';
import { type MathAnswer, mathEquivalent, readMath } from '../math/index.js';
import { answerInProse } from '../math/prose.js';
import { answerInShort } from '../math/short-answer.js';
import { questionText } from '../question.js';
import type { Scorer } from '../scorer.js';

type MathCase = Extract<Case, { scorer: 'math' }>;

/**
 * Equivalent answers (`\frac{14}{3}`, `4\frac23`, `14/3`) read to one canonical form, which is the
 * vote key; the verdict is mathEquivalent against the expected answer (so `3\sqrt{13}` is right for
 * `\sqrt{117}`, `(2, 5]` is not right for `[2, 5]`, and a rounded decimal is not right for a fraction).
 * A located span that is a sentence of prose is read for the answer inside it (`PROSE_RULES`), and
 * the sample's rule names both: `last-line/last-equals`; a short span's label, unit words or bold
 * are read past (`SHORT_RULES`), named after: `last-line/label+last-segment`.
 */
export function mathScorer(c: MathCase): Scorer {
  const expected = readMath(String(c.expected));
  const question = questionText(c);
  const strictness = strictnessOf(c);
  // The forms read in this process, by vote key: the verdict compares forms, not strings.
  const forms = new Map<string, MathAnswer>();
  return {
    read(text) {
      const located = locateFinalAnswer(text, question, strictness);
      if (located === null) return null;
      const whole = readMath(located.span);
      // A closing sentence ("He delivers 193 newspapers.", "So it is 5."): the answer inside it. Not
      // only when the whole reads as text: short words would read as letters multiplied (`So it is 5`).
      const prose = answerInProse(located.written);
      // A short span or the prose rule's value ("Minimum: $50$.", "3 roses", "So $n = 104$."): the value in it.
      const short = answerInShort(prose?.span ?? located.written);
      const span = short?.span ?? prose?.span;
      const inner = span === undefined ? null : readMath(span);
      const form = inner ?? whole;
      if (form === null) return null;
      forms.set(form.canonical, form);
      if (span !== undefined && inner !== null) {
        const rule = [located.source, prose?.rule, short?.rule].filter((name) => name !== undefined).join('/');
        return { answer: form.canonical, rule, span };
      }
      return { answer: form.canonical, rule: located.source, span: located.written };
    },
    isCorrect(answer) {
      const form = forms.get(answer) ?? readMath(answer);
      return expected !== null && form !== null && mathEquivalent(form, expected);
    },
  };
}
