// Writes the bundled suites (letter counts, decimal comparisons, cipher, arithmetic) from a seeded PRNG.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Document, isSeq, visit } from 'yaml';
import { CIPHER_EXAMPLE, encodeCipher } from '../src/mock/cipher.js';
import { intBetween, mulberry32, pick, type Rng } from '../src/random.js';

const INSTRUCTIONS = "End your reply with a line of the form 'Answer: <answer>'.";
const SEED = 20240912; // the o1 launch date; any fixed value keeps the files stable

interface Case {
  id: string;
  prompt: string;
  expected: number | string;
  scorer: 'number' | 'text' | 'choice';
  choices?: string[];
  /** The choice scorer's direction setting: which option a comparison question asks for. */
  direction?: 'greater' | 'lesser';
  tags: string[];
}

/**
 * How cipher replies introduce the decoded text without a colon ("The decoded message is X",
 * "It decodes to X"): the cipher family's own lead-ins, written into cipher.yaml as the text
 * scorer's `leadIns` setting (RE2 patterns, each opening a sentence), not kept in src/score.
 */
export const CIPHER_LEAD_INS: readonly string[] = [
  String.raw`(?:the\s+)?(?:decoded|decrypted|deciphered|hidden|plain|original|final)?\s*(?:message|text|plaintext|phrase|sentence|translation|output|ciphertext|cipher|code)\s+(?:is|reads|says|would be|decodes to|decrypts to|translates to|becomes)`,
  String.raw`(?:it|this)\s+(?:decodes|decrypts|translates|deciphers)\s+(?:to|as)`,
  String.raw`[^:"]{0,60}?\b(?:decodes?|decrypts?|deciphers?)\s+(?:to|as)`,
];

/**
 * Whether the generated suites carry their family settings (cipher `leadIns`, decimal
 * `direction`): on once the suite schema accepts those fields.
 */
export interface BuildOptions {
  suiteSettings?: boolean;
}

const LETTER_WORDS: ReadonlyArray<[string, string]> = [
  ['strawberry', 'r'],
  ['banana', 'a'],
  ['mississippi', 's'],
  ['mississippi', 'i'],
  ['mississippi', 'p'],
  ['bookkeeper', 'e'],
  ['bookkeeper', 'o'],
  ['bookkeeper', 'k'],
  ['committee', 'm'],
  ['committee', 't'],
  ['raspberry', 'r'],
  ['blueberry', 'e'],
  ['cranberry', 'r'],
  ['necessary', 's'],
  ['accommodate', 'c'],
  ['accommodate', 'm'],
  ['embarrass', 'r'],
  ['possession', 's'],
  ['assessment', 's'],
  ['tennessee', 'e'],
  ['successful', 's'],
  ['occurrence', 'c'],
  ['parallel', 'l'],
  ['millennium', 'n'],
  ['balloon', 'l'],
  ['coffee', 'f'],
  ['pepper', 'p'],
  ['onomatopoeia', 'o'],
  ['abracadabra', 'a'],
  ['refrigerator', 'r'],
  ['engineering', 'e'],
  ['independence', 'e'],
  ['giraffe', 'f'],
  ['address', 'd'],
  ['strawberry', 'w'],
  ['lollipop', 'l'],
  ['bubble', 'b'],
  ['strawberry', 'z'],
  ['banana', 'q'],
  ['elephant', 'e'],
];

const CIPHER_MESSAGES: readonly string[] = [
  'HELLO WORLD',
  'THE QUICK BROWN FOX',
  'MEET ME AT NOON',
  'KNOWLEDGE IS POWER',
  'PRACTICE MAKES PERFECT',
  'TIME FLIES LIKE AN ARROW',
  'ALL THAT GLITTERS IS NOT GOLD',
  'CURIOSITY KILLED THE CAT',
  'BETTER LATE THAN NEVER',
  'SLOW AND STEADY WINS THE RACE',
  'ACTIONS SPEAK LOUDER THAN WORDS',
  'THE EARLY BIRD CATCHES THE WORM',
  'KEEP CALM AND CARRY ON',
  'COUNT THE LETTERS CAREFULLY',
  'ZEBRAS JUMP QUICKLY',
  'EVERY CLOUD HAS A SILVER LINING',
  'WHERE THERE IS A WILL THERE IS A WAY',
  'A PENNY SAVED IS A PENNY EARNED',
  'NINE POINT EIGHT IS BIGGER',
];
const CANONICAL_CIPHER = {
  plaintext: 'THERE ARE THREE RS IN STRAWBERRY',
  ciphertext: 'oyekaijzdf aaptcg suaokybhai ouow aqht mynznvaatzacdfoulxxz',
};

const id = (prefix: string, index: number): string => `${prefix}-${String(index + 1).padStart(3, '0')}`;

function letterCases(rng: Rng): Case[] {
  const templates = [
    (l: string, w: string) => `How many ${l}'s are in the word "${w}"?`,
    (l: string, w: string) => `How many times does the letter "${l}" appear in "${w}"?`,
    (l: string, w: string) => `How many "${l}"s are in the word ${w}?`,
    (l: string, w: string) => `Count the letter "${l}" in the word "${w}". How many are there?`,
  ];
  return LETTER_WORDS.map(([word, letter], index) => {
    const count = [...word].filter((char) => char === letter).length;
    return {
      id: id('letters', index),
      prompt: index === 0 ? `How many r's are in the word "strawberry"?` : pick(rng, templates)(letter, word),
      expected: count,
      scorer: 'number',
      tags: ['letters', count >= 2 ? 'repeated' : count === 1 ? 'single' : 'absent'],
    };
  });
}

function decimalCases(rng: Rng, settings: boolean, total = 40): Case[] {
  const cases: Case[] = [];
  const seen = new Set<string>();
  while (cases.length < total) {
    const trap = cases.length === 0 || rng() < 0.75;
    const whole = pick(rng, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 9, 9, 10, 11, 12, 13, 15, 20]);
    const short = trap ? intBetween(rng, 2, 9) : intBetween(rng, 2, 8);
    // A trap's longer decimal looks bigger ("9.11" vs "9.8") but its tenths digit is smaller.
    const tenths = trap ? intBetween(rng, 1, short - 1) : intBetween(rng, short + 1, 9);
    const tail = String(intBetween(rng, 1, rng() < 0.7 ? 9 : 99));
    let a = cases.length === 0 ? '9.11' : `${whole}.${tenths}${tail}`;
    let b = cases.length === 0 ? '9.8' : `${whole}.${short}`;
    if (seen.has(a + b) || a.includes(b) || b.includes(a)) continue;
    seen.add(a + b);
    const bigger = Number(a) > Number(b) ? a : b;
    const smaller = bigger === a ? b : a;
    if (cases.length > 0 && rng() < 0.5) [a, b] = [b, a];
    const wantSmaller = cases.length > 0 && rng() < 0.25;
    const prompt = wantSmaller
      ? pick(rng, [`Which is smaller, ${a} or ${b}?`, `Which number is smaller: ${a} or ${b}?`])
      : cases.length === 0
        ? 'Which is bigger, 9.11 or 9.8?'
        : pick(rng, [`Which is bigger, ${a} or ${b}?`, `Which number is larger: ${a} or ${b}?`, `Which is greater, ${a} or ${b}?`]);
    cases.push({
      id: id('decimal', cases.length),
      prompt,
      expected: wantSmaller ? smaller : bigger,
      scorer: 'choice',
      choices: [a, b],
      ...(settings ? { direction: wantSmaller ? ('lesser' as const) : ('greater' as const) } : {}),
      tags: ['decimal', trap ? 'trap' : 'control', wantSmaller ? 'smaller' : 'bigger'],
    });
  }
  return cases;
}

function cipherCases(rng: Rng): Case[] {
  const messages = [CANONICAL_CIPHER, ...CIPHER_MESSAGES.map((plaintext) => ({ plaintext, ciphertext: encodeCipher(plaintext, rng) }))];
  return messages.map(({ plaintext, ciphertext }, index) => ({
    id: id('cipher', index),
    prompt: `${CIPHER_EXAMPLE}\n\nUse the example above to decode:\n\n${ciphertext}\n`,
    expected: plaintext,
    scorer: 'text',
    tags: ['cipher', plaintext.split(' ').length <= 4 ? 'short' : 'long'],
  }));
}

function arithmeticCases(rng: Rng, total = 40): Case[] {
  const kinds = ['multiply', 'multiply', 'multiply', 'add', 'subtract', 'divide'] as const;
  return Array.from({ length: total }, (_, index): Case => {
    const kind = index === 0 ? 'multiply' : pick(rng, kinds);
    let a: number, b: number, expected: number, symbol: string;
    if (kind === 'multiply') {
      a = index === 0 ? 347 : intBetween(rng, 100, rng() < 0.3 ? 9999 : 999);
      b = index === 0 ? 29 : intBetween(rng, 11, rng() < 0.4 ? 999 : 99);
      [expected, symbol] = [a * b, pick(rng, ['*', '×', 'x'])];
    } else if (kind === 'add') {
      [a, b] = [intBetween(rng, 1000, 99999), intBetween(rng, 1000, 99999)];
      [expected, symbol] = [a + b, '+'];
    } else if (kind === 'subtract') {
      [a, b] = [intBetween(rng, 1000, 99999), intBetween(rng, 100, 99999)];
      [expected, symbol] = [a - b, '-'];
    } else {
      [b, expected] = [intBetween(rng, 12, 99), intBetween(rng, 12, 999)];
      [a, symbol] = [b * expected, pick(rng, ['/', '÷'])];
    }
    const prompt =
      index === 0 ? 'What is 347 * 29?' : pick(rng, [`What is ${a} ${symbol} ${b}?`, `Compute ${a} ${symbol} ${b}.`, `Calculate ${a} ${symbol} ${b}.`]);
    return { id: id('arith', index), prompt, expected, scorer: 'number', tags: ['arithmetic', kind] };
  });
}

function suiteYaml(name: string, summary: string, cases: Case[], extraDefaults: Record<string, unknown> = {}): string {
  const header =
    `# yaml-language-server: $schema=../schema/suite.schema.json\n` +
    `# Generated by scripts/generate-suites.ts from a fixed seed. Do not edit by hand:\n` +
    `# change the script and run \`npx tsx scripts/generate-suites.ts\`.\n`;
  const suite = {
    name,
    description: `${summary} Generated by scripts/generate-suites.ts; do not edit by hand.`,
    defaults: { samples: 5, instructions: INSTRUCTIONS, ...extraDefaults },
    cases,
  };
  const doc = new Document(suite);
  // Short lists (tags, choices) read best inline, as in the hand-written suites.
  visit(doc, {
    Seq(_, node) {
      const short = (item: unknown): boolean =>
        !(item && typeof item === 'object' && 'items' in item) && String((item as { value?: unknown })?.value ?? item).length < 40;
      if (isSeq(node) && node.items.every(short)) node.flow = true; // not the long leadIns patterns
    },
  });
  return header + doc.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Builds every generated suite as file name -> YAML text; the same output on every run. */
export function buildSuites({ suiteSettings = true }: BuildOptions = {}): Record<string, string> {
  const rng = mulberry32(SEED);
  const cipherDefaults = suiteSettings ? { leadIns: [...CIPHER_LEAD_INS] } : {};
  return {
    'letter-count.yaml': suiteYaml('letter-count', 'How many times a letter appears in a word (the strawberry problem).', letterCases(rng)),
    'decimal-compare.yaml': suiteYaml(
      'decimal-compare',
      'Which of two decimals is bigger or smaller (the 9.11 vs 9.8 problem).',
      decimalCases(rng, suiteSettings),
    ),
    'cipher.yaml': suiteYaml('cipher', 'Decode messages written in the pair-averaging cipher from the o1 launch post.', cipherCases(rng), cipherDefaults),
    'arithmetic.yaml': suiteYaml('arithmetic', 'Multi-digit integer arithmetic.', arithmeticCases(rng)),
  };
}

/** The suites/ folder of the repository. */
export const SUITES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'suites');

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  for (const [file, text] of Object.entries(buildSuites())) {
    writeFileSync(join(SUITES_DIR, file), text);
    console.log(`wrote suites/${file}`);
  }
}
