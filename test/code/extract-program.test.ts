// Which program extractProgram reads out of a reply, by rule, with its span.
import { describe, expect, test } from 'vitest';
import { extractProgram } from '../../src/code/extract-program.js';
import type { CodeLanguage } from '../../src/code/types.js';

const PY = 'def add(a, b):\n    return a + b';
const JS = 'function add(a, b) {\n  return a + b;\n}';

describe('extractProgram', () => {
  test.each<[string, string, CodeLanguage, string | null, string | null]>([
    ['python fence', `Here it is:\n\n\`\`\`python\n${PY}\n\`\`\`\n\nDone.`, 'python', PY, 'fence-language'],
    ['py fence', `\`\`\`py\n${PY}\n\`\`\``, 'python', PY, 'fence-language'],
    ['python3 fence with attributes', `\`\`\`python3 title="x.py"\n${PY}\n\`\`\``, 'python', PY, 'fence-language'],
    [
      'the last python fence wins',
      `\`\`\`python\ndef add(a, b):\n    return a - b\n\`\`\`\nFixed:\n\`\`\`python\n${PY}\n\`\`\``,
      'python',
      PY,
      'fence-language',
    ],
    ['a labelled fence beats a later unlabelled one', `\`\`\`python\n${PY}\n\`\`\`\nOutput:\n\`\`\`\n3\n\`\`\``, 'python', PY, 'fence-language'],
    ['another language is not taken', `\`\`\`bash\npython add.py\n\`\`\``, 'python', null, null],
    ['javascript fence is not python', `\`\`\`javascript\n${JS}\n\`\`\``, 'python', null, null],
    ['unlabelled fence as fallback', `Answer:\n\`\`\`\n${PY}\n\`\`\``, 'python', PY, 'fence-unlabelled'],
    ['tilde fence', `~~~python\n${PY}\n~~~`, 'python', PY, 'fence-language'],
    ['four backticks hold three inside', `\`\`\`\`python\ns = """\n\`\`\`\n"""\n\`\`\`\``, 'python', 's = """\n```\n"""', 'fence-language'],
    ['fence cut off at the end of the reply', `Sure.\n\`\`\`python\n${PY}\n`, 'python', `${PY}\n`, 'fence-unclosed'],
    ['bare python code', `${PY}\n`, 'python', PY, 'bare-code'],
    ['bare code after an import line', `\nimport math\n\n${PY}\n\n`, 'python', `import math\n\n${PY}`, 'bare-code'],
    ['prose only', 'The function should add its two arguments.', 'python', null, null],
    ['an empty fence', '```python\n\n```', 'python', null, null],
    ['js fence', `\`\`\`js\n${JS}\n\`\`\``, 'javascript', JS, 'fence-language'],
    ['javascript fence', `\`\`\`JavaScript\n${JS}\n\`\`\``, 'javascript', JS, 'fence-language'],
    ['python fence is not javascript', `\`\`\`python\n${PY}\n\`\`\``, 'javascript', null, null],
    ['bare javascript', `const k = 2;\n${JS}`, 'javascript', `const k = 2;\n${JS}`, 'bare-code'],
  ])('%s', (_name, text, language, code, rule) => {
    const found = extractProgram(text, language);
    expect(found?.code ?? null).toBe(code);
    expect(found?.rule ?? null).toBe(rule);
    if (found) expect(text.slice(found.span[0], found.span[1])).toBe(found.code);
  });
});
