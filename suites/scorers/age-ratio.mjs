// The o1 age puzzle read as a ratio: right when the answer puts princess : prince at 4 : 3 for all ages, roles the right way round.
const RIGHT = 'princess:prince = 4:3';
const VALUE = String.raw`(?:(\d+(?:\.\d+)?)\s*([a-z])?|\b([a-z]))(?![a-z\d])(?:\s*\/\s*(\d+))?`; // 8k, 4, 4y/3, y
const GENERAL = /multiples?|in general|generally|\bany\b|\ball\b|for every|scaled?|whatever|and so on|\bratio\b/;
// Phrases after one role giving its age over the other's: "one-third older" is 4/3, "75% of" is 3/4.
const PHRASES = [[/(?:one|a)[- ]third older|33\s*(?:⅓|\.3+)?\s*% older|1\s*⅓|one and a third|four[- ]thirds/, 4 / 3],
  [/(?:one|a)[- ]quarter younger|25\s*% younger|three[- ]quarters|75\s*% of/, 3 / 4]];
const other = (role) => (role === 'princess' ? 'prince' : 'princess');

/** The reply as plain lowercase text: LaTeX and markdown gone, "princess's" as "princess", defined letters as roles. */
function plain(text) {
  let t = text.replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '$1/$2').replace(/\\(?:text|mathrm|boxed)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\(?:left|right|[,;! ]|quad)|[$*_{}]|\\\[|\\\]/g, ' ').toLowerCase().replace(/\b(princess|prince)['’]s\b/g, '$1')
    .replace(/\b[a-z]\s*(princess|prince)\b/g, '$1'); // A_{princess} -> princess
  for (const s of t.split(/[.\n]/).filter((s) => /\blet\b/.test(s))) { // "Let a be the princess's age and b the prince's"
    for (const m of s.matchAll(/\b([a-z])\s+(?:(?:be|denote|represent|is)\s+)?(?:the\s+)?(princess|prince)\b|\b(princess|prince)\s+(?:(?:present|current)\s+)?(?:age\s+)?(?:be|is|=)\s+([a-z])(?![a-z])/g)) {
      t = t.replace(new RegExp(`(?<![a-z])${m[1] ?? m[4]}(?![a-z])`, 'g'), m[2] ?? m[3]);
    }
  }
  return t;
}

/** The answer region: after the last answer line, up to an explanation heading; else the whole reply. */
function region(t) {
  const at = [...t.matchAll(/^[\s#>-]*(?:final\s+)?answer\b[\s:-]*/gm)].pop();
  return at === undefined ? t : t.slice(at.index + at[0].length).split(/\n\W*(?:explanation|why|check)\b/)[0];
}

/** The last value stated right after a role ("princess is 8k"), not reaching past the other role or a full stop. */
function valueOf(t, role) {
  const found = [...t.matchAll(new RegExp(`\\b${role}\\b((?:(?!\\b${other(role)}\\b)[^.;\\d])*?)${VALUE}`, 'g'))]
    .map((m) => ({ n: Number(m[2] ?? 1) / Number(m[5] ?? 1), v: m[3] ?? m[4], bare: m[2] === undefined }));
  return found.filter((f) => !f.bare).pop() ?? found.pop(); // "the prince at y years" only when nothing better
}

const ROLE_FIRST = (role, r) => (role === 'princess' ? r : 1 / r); // a value read after `role`, as princess over prince
const general = (t, a, b) => (a !== undefined && a === b) || GENERAL.test(t) || (t.match(/\(\s*\d+\s*,\s*\d+\s*\)/g)?.length ?? 0) > 1;
// A pair match: group 1 the role named first, groups 2-5 its value and variable, then the other's.
const pairRead = (t, m) => m && { r: ROLE_FIRST(m[1], m[2] / m[4]), all: general(t, m[3], m[5]) };

/** How an answer states princess over prince, tried in order; each gives { r, all } (all: for every age) or null. */
const READERS = [
  // (princess, prince) = (8k, 6k); a list of pairs (8, 6), (16, 12), ... holds for all.
  (t) => pairRead(t, /\((princess|prince)\s*,\s*(?:princess|prince)\)\s*=\s*\(\s*(\d+)\s*([a-z])?\s*,\s*(\d+)\s*([a-z])?\s*\)/.exec(t)),
  // "the prince and princess are 3k and 4k respectively"
  (t) => pairRead(t, /\b(princess|prince) and (?:the )?(?:princess|prince)\b[^.;]*?(\d+)\s*([a-z])?\s+and\s+(\d+)\s*([a-z])?\b[^.;]*\brespectively/.exec(t)),
  // "the princess is one-third older", "the prince's age is 75% of the princess's"
  (t) => { for (const role of ['princess', 'prince']) for (const m of t.matchAll(windowAfter(role)))
    for (const [phrase, r] of PHRASES) if (phrase.test(m[1])) return { r: ROLE_FIRST(role, r), all: true };
    return null; },
  // "princess/prince = 4/3", "the princess is 4/3 of the prince's age", "princess = 4/3 prince"
  (t) => { for (const role of ['princess', 'prince']) {
    const m = new RegExp(`\\b${role}\\s*/\\s*(?:the\\s+)?${other(role)}\\b[^=\\d]*=\\s*(\\d+)\\s*/\\s*(\\d+)`).exec(t)
      ?? new RegExp(`\\b${role}\\b(?:(?!\\b${other(role)}\\b)[^.;\\d])*?(\\d+)\\s*/\\s*(\\d+)(?![\\d.])[^.;\\d]*?\\b${other(role)}\\b`).exec(t);
    if (m) return { r: ROLE_FIRST(role, m[1] / m[2]), all: true };
  } return null; },
  // "the princess is 8k and the prince 6k", "prince 6, princess 8, and all multiples"
  (t) => { const p = valueOf(t, 'princess'), q = valueOf(t, 'prince');
    return p && q && p.v === q.v && !(p.bare && q.bare) ? { r: p.n / q.n, all: general(t, p.v, q.v), pair: `${p.n}${p.v ?? ''}:${q.n}${q.v ?? ''}` } : null; },
  // "4:3", "4 to 3": princess first unless the ratio's sentence names the prince first
  (t) => { const m = /(\d+)\s*(?::|∶|\bto\b)\s*(\d+)(?![\d.])/.exec(t);
    if (!m) return null;
    const sentence = t.slice(0, m.index).split(/[.;\n]/).pop() + t.slice(m.index).split(/[.;\n]/)[0];
    const princeFirst = (sentence.search(/\bprince\b/) + 1 || Infinity) < (sentence.search(/\bprincess\b/) + 1 || Infinity);
    return { r: princeFirst ? m[2] / m[1] : m[1] / m[2], all: true }; },
];

/** Text after each mention of `role`, up to the other role or a full stop ("33.3%" keeps its point). */
function windowAfter(role) {
  return new RegExp(`\\b${role}\\b((?:(?!\\b${other(role)}\\b)(?:[^.;]|\\.(?=\\d)))*)`, 'g');
}

/** The vote key: the ratio when the answer states one for all ages, else what it says (concrete ages, other text). */
export function extract(text, c) {
  const words = (s) => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
  const asked = (c?.messages ?? []).map((m) => m.content).join('\n').split(/(?<=[.?!])\s+|\n+/).map(words);
  if (words(text) === '' || asked.includes(words(text))) return null; // empty, or the puzzle copied back
  const t = region(plain(text));
  const read = READERS.reduce((found, reader) => found ?? reader(t), null);
  if (read?.all && Math.abs(read.r - 4 / 3) < 1e-9) return RIGHT;
  return read?.all ? `princess:prince = ${+read.r.toFixed(4)}` : read?.pair ? `only ${read.pair}` : t.replace(/\s+/g, ' ').trim();
}

/** Right only for the general solution, roles the right way round. */
export function isCorrect(answer) {
  return answer === RIGHT;
}
