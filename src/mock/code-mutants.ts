// Plausible broken programs for the simulated model: small, named mutations of a correct Python solution.

/** A mutation a careless programmer makes; each returns the changed code, or undefined when it does not apply. */
export interface Mutation {
  name:
    | 'flip-comparison'
    | 'off-by-one-range'
    | 'off-by-one-constant'
    | 'wrong-boolean'
    | 'missing-edge-case'
    | 'swap-operator'
    | 'min-for-max'
    | 'reversed-order'
    | 'wrong-case'
    | 'inverted-comparison'
    | 'negated-filter'
    | 'missing-normalisation'
    | 'wrong-separator'
    | 'wrong-rounding'
    | 'missing-abs'
    | 'applied-once'
    | 'off-by-one-length';
  /** How a reasoning trace would not notice it. */
  story: string;
  apply(code: string): string | undefined;
}

const FLIPPED: Record<string, string> = { '<': '<=', '<=': '<', '>': '>=', '>=': '>', '==': '!=', '!=': '==' };
const COMPARISON = /(?<![<>=!])(<=|>=|==|!=|<|>)(?![<>=])/g;

// Whether `index` in a line falls outside string literals and comments (quotes counted, good enough for HumanEval).
function inCode(line: string, index: number): boolean {
  const before = line.slice(0, index);
  if (before.includes('#')) return false;
  return (before.match(/'/g)?.length ?? 0) % 2 === 0 && (before.match(/"/g)?.length ?? 0) % 2 === 0;
}

// Replaces the first match of `pattern` that lies in code, line by line.
function replaceFirstInCode(code: string, pattern: RegExp, replace: (match: RegExpExecArray) => string): string | undefined {
  const lines = code.split('\n');
  for (const [i, line] of lines.entries()) {
    for (const match of line.matchAll(new RegExp(pattern.source, 'g'))) {
      if (!inCode(line, match.index)) continue;
      lines[i] = line.slice(0, match.index) + replace(match as RegExpExecArray) + line.slice(match.index + match[0].length);
      return lines.join('\n');
    }
  }
  return undefined;
}

// The closing parenthesis matching the one at `open`.
function closing(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '(') depth++;
    else if (text[i] === ')' && --depth === 0) return i;
  }
  return -1;
}

const indent = (line: string): number => line.length - line.trimStart().length;

/** The mutations, most plausible first. */
export const MUTATIONS: readonly Mutation[] = [
  {
    name: 'flip-comparison',
    story: 'I compare the values with the obvious operator; the boundary case looks harmless.',
    apply: (code) => replaceFirstInCode(code, COMPARISON, (m) => FLIPPED[m[0]]!),
  },
  {
    name: 'off-by-one-range',
    story: 'The loop stops one short of the end so the index never runs past the list.',
    apply(code) {
      const at = code.search(/\brange\(/);
      if (at < 0) return undefined;
      const open = at + 'range'.length;
      const close = closing(code, open);
      const args = code.slice(open + 1, close);
      if (close < 0) return undefined;
      if (args.split(',').length > 2) {
        const start = /^\s*0\s*,/.exec(args);
        return start ? `${code.slice(0, open + 1)}1,${args.slice(start[0].length)}${code.slice(close)}` : undefined;
      }
      return `${code.slice(0, close)} - 1${code.slice(close)}`;
    },
  },
  {
    name: 'off-by-one-constant',
    story: 'I start counting from the first position after the start.',
    apply: (code) =>
      replaceFirstInCode(code, /(?<=[-+] |\[|== |, )1(?=[\]:),\s])/g, () => '2') ??
      replaceFirstInCode(code, /(?<=== |\[)0(?=[\]:\s])/g, () => '1') ??
      replaceFirstInCode(code, /(?<=\[)(\d+)(?=:)/g, (m) => String(Number(m[1]) + 1)),
  },
  {
    name: 'wrong-boolean',
    story: 'When the loop finds nothing it means the condition holds.',
    apply: (code) => replaceFirstInCode(code, /\breturn (True|False)\b/g, (m) => `return ${m[1] === 'True' ? 'False' : 'True'}`),
  },
  {
    name: 'missing-edge-case',
    story: 'The general case already covers everything, so no special case is needed.',
    apply(code) {
      const lines = code.split('\n');
      for (let i = 0; i < lines.length; i++) {
        const line = lines[i]!;
        if (/^\s*if .*:\s*return\b/.test(line)) return [...lines.slice(0, i), ...lines.slice(i + 1)].join('\n');
        const ternary = /^(\s*return .+?) if .+ else .+$/.exec(line);
        if (ternary) return [...lines.slice(0, i), ternary[1]!, ...lines.slice(i + 1)].join('\n');
        const next = lines[i + 1];
        const after = lines[i + 2];
        if (/^\s*if .*:\s*$/.test(line) && next !== undefined && indent(next) > indent(line) && /^\s*return\b/.test(next)) {
          if (after === undefined || after.trim() === '' || indent(after) <= indent(line)) {
            if (after !== undefined && /^\s*(elif|else)\b/.test(after)) continue;
            return [...lines.slice(0, i), ...lines.slice(i + 2)].join('\n');
          }
        }
      }
      return undefined;
    },
  },
  {
    name: 'swap-operator',
    story: 'The two terms combine the way the docstring reads.',
    apply: (code) =>
      replaceFirstInCode(
        code,
        / (\+|-|\*|\/\/|%|\*=|\+=|-=) /g,
        (m) => ` ${{ '+': '-', '-': '+', '*': '+', '//': '%', '%': '//', '*=': '+=', '+=': '-=', '-=': '+=' }[m[1]!]} `,
      ) ??
      replaceFirstInCode(code, /\*\*2\b/g, () => '*2') ??
      replaceFirstInCode(code, /(?<=\w)-(?=\w)/g, () => '+'),
  },
  {
    name: 'min-for-max',
    story: 'The extreme value the question asks for is the largest one.',
    apply: (code) => replaceFirstInCode(code, /\b(max|min)\(/g, (m) => (m[1] === 'max' ? 'min(' : 'max(')),
  },
  {
    name: 'reversed-order',
    story: 'The result is sorted the usual way.',
    apply: (code) =>
      replaceFirstInCode(code, /\[::-1\]/g, () => '') ??
      replaceFirstInCode(code, /reverse\s*=\s*(True|False)/g, (m) => `reverse=${m[1] === 'True' ? 'False' : 'True'}`) ??
      addReverse(code),
  },
  {
    name: 'wrong-case',
    story: 'Letters are compared in the case the examples use.',
    apply: (code) => replaceFirstInCode(code, /\.(lower|upper|swapcase)\(\)/g, (m) => (m[1] === 'lower' ? '.upper()' : '.lower()')),
  },
  {
    name: 'inverted-comparison',
    story: 'The condition reads the same from either side.',
    apply: (code) => replaceFirstInCode(code, /(?<![<>=!-])(<=|>=|<|>)(?![<>=])/g, (m) => ({ '<': '>', '>': '<', '<=': '>=', '>=': '<=' })[m[1]!]!),
  },
  {
    name: 'negated-filter',
    story: 'The comprehension keeps the items the condition rules out.',
    apply: (code) => replaceFirstInCode(code, /(?<=\bfor [\w, ]+ in [^\]]+? )if (?!not )/g, () => 'if not '),
  },
  {
    name: 'missing-normalisation',
    story: 'The input is already in the form the examples show.',
    apply: (code) => replaceFirstInCode(code, /\.(lower|upper|strip)\(\)/g, () => ''),
  },
  {
    name: 'wrong-separator',
    story: 'The pieces are joined with the separator they were split on.',
    apply: (code) => replaceFirstInCode(code, /(''|""|' '|" ")\.join/g, (m) => (m[1]!.length === 2 ? "' '.join" : "''.join")),
  },
  {
    name: 'wrong-rounding',
    story: 'Rounding goes the usual way.',
    apply: (code) => replaceFirstInCode(code, /\b(ceil|floor)\(/g, (m) => (m[1] === 'ceil' ? 'floor(' : 'ceil(')),
  },
  {
    name: 'missing-abs',
    story: 'The difference is already the distance.',
    apply(code) {
      const at = code.search(/\babs\(/);
      const close = at < 0 ? -1 : closing(code, at + 3);
      return close < 0 ? undefined : code.slice(0, at) + code.slice(at + 4, close) + code.slice(close + 1);
    },
  },
  {
    name: 'applied-once',
    story: 'Applying the step once undoes it.',
    apply: (code) => replaceFirstInCode(code, /\b(\w+)\(\1\(([^()]*)\)\)/g, (m) => `${m[1]}(${m[2]})`),
  },
  {
    name: 'off-by-one-length',
    story: 'The last position is the length.',
    apply: (code) => replaceFirstInCode(code, /(?<!range\()\blen\((\w+)\)(?! - 1)/g, (m) => `len(${m[1]}) - 1`),
  },
];

// sorted(...) with reverse=True added, parentheses matched.
function addReverse(code: string): string | undefined {
  const at = code.search(/\bsorted\(/);
  const close = at < 0 ? -1 : closing(code, at + 6);
  return close < 0 ? undefined : `${code.slice(0, close)}, reverse=True${code.slice(close)}`;
}

/** The mutations that apply to `code`, each with the program it makes. */
export function mutantsOf(code: string): Array<{ mutation: Mutation; code: string }> {
  return MUTATIONS.flatMap((mutation) => {
    const mutated = mutation.apply(code);
    return mutated !== undefined && mutated !== code ? [{ mutation, code: mutated }] : [];
  });
}
