import { describe, expect, test } from 'vitest';
import { finalAnswerText, isRefusal } from '../../src/score/extract.js';
import { isOnlyPlan, restatesQuestion } from '../../src/score/non-answer.js';

describe('finalAnswerText', () => {
  test.each([
    // explicit answer markers
    ['plain marker', 'Counting each letter gives three.\n\nAnswer: 3', '3'],
    ['final answer marker', 'Let me compute 6*7.\n6*7 = 42\nFinal answer: 42', '42'],
    ['Final Answer capitalised', 'Step 1: 12 + 30 = 42\n\nFinal Answer: 42.', '42'],
    ['bold marker, colon inside', 'The tenths digit decides it.\n\n**Answer:** 9.8', '9.8'],
    ['bold marker, colon outside', 'So the sum is 42.\n\n**Answer**: 42', '42'],
    ['marker with dash', 'After decoding each pair of letters:\n\nAnswer - THERE ARE THREE RS IN STRAWBERRY', 'THERE ARE THREE RS IN STRAWBERRY'],
    ['last marker wins', 'Answer: 41\n\nWait, I miscounted the carries.\n\nAnswer: 42', '42'],
    ['answer first, then explained', 'Answer: 42\n\nExplanation: first 6*7=42, not 41 or 40, because 6*7 is 42.', '42'],
    ['markdown heading marker with the value below', 'The count is straightforward.\n\n### Final Answer\n\n\\boxed{3}', '3'],
    ['R1 bold heading then boxed sentence', 'So there are 3.\n\n**Final Answer**\nThe final answer is \\boxed{3}.', '3'],
    ['marker holding a boxed value', 'Final Answer: The final answer is $\\boxed{2048}$. I hope it is correct.', '2048'],
    ['marker with "the answer is" inside', 'Answer: The answer is 9.8', '9.8'],
    ['inline final answer after a sentence', 'Adding the two parts, the final answer: 17', '17'],
    ['marker with quoted value', 'Answer: "THERE ARE THREE R\'S IN STRAWBERRY"', "THERE ARE THREE R'S IN STRAWBERRY"],
    ['marker with math delimiters', 'Answer: $\\frac{3}{4}$', '\\frac{3}{4}'],
    [
      'marker with a full sentence',
      'Answer: The princess is 8k years old and the prince is 6k years old, for any positive integer k.',
      'The princess is 8k years old and the prince is 6k years old, for any positive integer k',
    ],
    [
      'heading marker with a bulleted block',
      'Solving the system...\n\n**Answer:**\n- Princess: 8k years\n- Prince: 6k years',
      'Princess: 8k years\nPrince: 6k years',
    ],
    // boxed
    ['Qwen display boxed', 'Thus the total is\n\\[\n\\boxed{42}\n\\]', '42'],
    ['boxed with nested frac', 'Therefore the probability is $\\boxed{\\frac{3}{4}}$.', '\\frac{3}{4}'],
    ['boxed with {,} separator', 'So $2^{11} = \\boxed{2{,}048}$', '2{,}048'],
    ['last boxed wins', 'First guess \\boxed{41}, but checking again gives \\boxed{42}.', '42'],
    ['Llama final answer line', 'Step 2: Multiply.\n6 * 7 = 42\n\nTherefore, the final answer is: $\\boxed{42}$', '42'],
    ['boxed text', 'The decoded message is $\\boxed{\\text{THERE ARE THREE RS IN STRAWBERRY}}$', 'THERE ARE THREE RS IN STRAWBERRY'],
    // "the answer is"
    ['the answer is', 'Each pair averages to one letter, so the answer is 3.', '3'],
    ['the final answer is with colon', 'Comparing tenths: 8 > 1. The final answer is: 9.8', '9.8'],
    ['the correct answer is (B)', 'Only option B satisfies both constraints, so the correct answer is (B).', '(B)'],
    [
      'an intermediate "result is" does not preempt the conclusion',
      'Multiplying, the result is 408. Adding 2 more gives 410.\n\nSo there are 410 apples.',
      'So there are 410 apples',
    ],
    ['answer is a decimal before a full stop', 'Hence the answer is 9.8. Let me know if you need more detail.', '9.8'],
    // bold final statements
    ['bold alone on the last line', 'Comparing the tenths place:\n- 9.11 has 1\n- 9.8 has 8\n\n**9.8**', '9.8'],
    ['bold letter alone', 'Option B is the only one consistent with the data.\n\n**B**', 'B'],
    ['bold after a lead-in', 'So the larger number is **9.8**.', '9.8'],
    ['bold after colon', 'Decoding pairs gives the plaintext: **THERE ARE THREE RS IN STRAWBERRY**', 'THERE ARE THREE RS IN STRAWBERRY'],
    // last line, answer first
    ['last line', 'Let me count: s-t-r-a-w-b-e-r-r-y.\nThere are 3 r\'s in "strawberry".', 'There are 3 r\'s in "strawberry"'],
    [
      'pleasantry after the answer is skipped',
      "There are 3 r's in strawberry.\n\nLet me know if you have any other questions!",
      "There are 3 r's in strawberry",
    ],
    ['answer first, explanation header after', '42\n\nExplanation: 6 * 7 = 42, not 41 or 40.', '42'],
    ['bold answer first, reasoning header after', '**9.8**\n\n**Reasoning:** 9.8 = 9.80 and 80 hundredths beat 11 hundredths.', '9.8'],
    ['single word', 'B', 'B'],
    // answer first, then a check, a breakdown or an aside
    ['equation first, then a check paragraph', '58 × 14 = 812\n\nCheck: 58 × 10 = 580 and 58 × 4 = 232; 580 + 232 = 812.', '58 × 14 = 812'],
    ['bold count first, then a spelled-out list', '**4**\n\nBreakdown:\n1. m\n2. i\n3. s\n4. s', '4'],
    ['bold count opening a one-line reply', '**2**. Spelled out, "committee" is c-o-m-m-i-t-t-e-e, with m at places 3 and 4.', '2'],
    ['bold value as subject is not answer-first', '**9.11** is smaller than 9.8.', '9.11 is smaller than 9.8'],
    ['value first, then an aside in parentheses', '46,230\n(That is 1,541 × 30, computed as 1,541 × 3 × 10.)', '46,230'],
    ['bare value, then prose about it', '7\n\nCounting the e\'s in "excellence" one by one gives seven.', '7'],
    ['column sum is not answer-first', '128\n+ 64\n= 192', '= 192'],
    [
      'working that continues after an equation',
      '25 × 4 = 100.\nThis is the first partial product; adding 25 × 3 = 75 gives 175.',
      'This is the first partial product; adding 25 × 3 = 75 gives 175',
    ],
    ['decoded line first, comment paragraph after', 'KEEP CALM AND CARRY ON\n\nThis is the slogan from a 1939 British poster.', 'KEEP CALM AND CARRY ON'],
    ['bold after "decodes to" with an aside', 'The ciphertext decodes to **HELLO WORLD** (the traditional first program output).', 'HELLO WORLD'],
    ['bold result after "=" with a parenthetical working', '416 × 25 = **10,400**. (416 × 100 = 41,600, divided by 4.)', '10,400'],
    // closing questions and plans are not the answer
    [
      'a question back after the answer is dropped',
      'The letter "t" appears 3 times in "tattoo". Would you like me to check another word?',
      'The letter "t" appears 3 times in "tattoo"',
    ],
    ['wrapping quotes and trailing period', '"Paris."', 'Paris'],
  ])('%s', (_name, reply, expected) => {
    expect(finalAnswerText(reply)).toBe(expected);
  });
});

describe('refusals and empty replies give null', () => {
  test.each([
    ['empty', ''],
    ['whitespace only', '  \n\n  '],
    ['cannot help', "I'm sorry, but I can't help with that."],
    ['cannot help, curly apostrophe', 'I can’t help with that request.'],
    ['not sure', "I'm not sure."],
    ["don't know", "I don't know."],
    ['cannot determine', 'Without the initial velocity I cannot determine the distance.'],
    ['cannot be determined as the marked answer', 'Working through the constraints...\n\nAnswer: cannot be determined from the information given'],
    ['insufficient information', 'There is not enough information to answer this question.'],
    ['empty marker and nothing after', 'Answer:'],
    ['empty boxed', 'The answer is $\\boxed{}$'],
    ['sorry, but a refusal follows', "I'm sorry, but I can't work out the key for this cipher."],
    ['too ambiguous', 'The puzzle is too vague to give a single answer.'],
    ['a plan only', 'Let me work through 8642 + 1357 digit by digit.'],
    ['an opener and a plan', "Sure! Let's multiply 406 by 38."],
    ['set-up and a plan', 'Let the first number be a and the second b. We need to compare them place by place.'],
    ['an opener and a description', 'Okay. This looks to be a substitution cipher. Let me decode it step by step.'],
    ['a question back', 'Happy to help! Which word do you want me to count the letters of?'],
  ])('%s', (_name, reply) => {
    expect(finalAnswerText(reply)).toBeNull();
  });

  test.each([
    ['hedged but committed', "I'm not sure, but I think it's 42", false],
    ['sorry, but then a refusal', "I'm sorry, but I cannot read that ciphertext.", true],
    ['unsure, but then an answer', "I'm not certain, but it looks like 9.8 is larger.", false],
    ['a plain answer', "There are 3 r's", false],
    ['a refusal', 'I cannot assist with that.', true],
  ])('isRefusal: %s', (_name, span, refused) => {
    expect(isRefusal(span)).toBe(refused);
  });
});

describe('replies that answer nothing else', () => {
  test.each([
    ['a plan then a result', "Let's add them: 8642 + 1357 = 9999.", false],
    ['"let\'s see" then a claim', "Let's see, 9.8 is bigger.", false],
    ['a commitment', "I'll go with 9.8.", false],
    ['a plan', 'Let me count the letters one at a time.', true],
  ])('isOnlyPlan: %s', (_name, span, plan) => {
    expect(isOnlyPlan(span)).toBe(plan);
  });

  const question = 'zfx qpt mbb -> THE CAT SAT\n\nDecode the line below the same way:\n\nuif dbu tbu\n\nEnd with an answer line.';
  test.each([
    ['the ciphertext copied back', 'uif dbu tbu', true],
    ['the whole question', 'What is 906 - 48?', true],
    ["a part of the example's line is an answer", 'THE CAT SAT', false],
    ['an answer', 'THE DOG SAT', false],
  ])('restatesQuestion: %s', (_name, span, restated) => {
    expect(restatesQuestion(span, span.startsWith('What') ? 'What is 906 - 48?' : question)).toBe(restated);
  });
});
