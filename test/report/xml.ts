// A tiny, strict XML reader for tests: elements, attributes, text, the five entities and character references.

export interface XmlElement {
  name: string;
  attributes: Record<string, string>;
  children: XmlElement[];
  text: string;
}

const NAME_START = (c: string) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c === '_' || c === ':';
const NAME_CHAR = (c: string) => NAME_START(c) || (c >= '0' && c <= '9') || c === '-' || c === '.';

/** Parses a whole document into its root element; throws on anything malformed. */
export function parseXml(source: string): XmlElement {
  let i = 0;
  const fail = (why: string): never => {
    throw new Error(`${why} at offset ${i}: ${JSON.stringify(source.slice(i, i + 40))}`);
  };
  for (const ch of source) {
    const code = ch.codePointAt(0)!;
    const ok = code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0xd7ff) || (code >= 0xe000 && code <= 0xfffd) || code >= 0x10000;
    if (!ok) fail(`character U+${code.toString(16)} is not allowed in XML 1.0`);
  }
  const skipSpace = () => {
    while (' \t\r\n'.includes(source[i] ?? 'x')) i++;
  };
  const readName = () => {
    const start = i;
    if (!NAME_START(source[i] ?? '')) fail('expected a name');
    while (NAME_CHAR(source[i] ?? '')) i++;
    return source.slice(start, i);
  };
  const decode = (raw: string) => {
    let out = '';
    for (let k = 0; k < raw.length; k++) {
      const ch = raw[k]!;
      if (ch === '<') fail('raw < in text or attribute');
      if (ch !== '&') {
        out += ch;
        continue;
      }
      const end = raw.indexOf(';', k);
      if (end < 0) fail('unterminated entity');
      const entity = raw.slice(k + 1, end);
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (named[entity] !== undefined) out += named[entity];
      else if (entity.startsWith('#x')) out += String.fromCodePoint(parseInt(entity.slice(2), 16));
      else if (entity.startsWith('#')) out += String.fromCodePoint(parseInt(entity.slice(1), 10));
      else fail(`unknown entity &${entity};`);
      k = end;
    }
    return out;
  };
  const readElement = (): XmlElement => {
    if (source[i] !== '<') fail('expected <');
    i++;
    const element: XmlElement = { name: readName(), attributes: {}, children: [], text: '' };
    for (;;) {
      skipSpace();
      if (source.startsWith('/>', i)) {
        i += 2;
        return element;
      }
      if (source[i] === '>') {
        i++;
        break;
      }
      const key = readName();
      if (key in element.attributes) fail(`duplicate attribute ${key}`);
      skipSpace();
      if (source[i] !== '=') fail('expected =');
      i++;
      skipSpace();
      const quote = source[i];
      if (quote !== '"' && quote !== "'") fail('expected a quoted value');
      const end = source.indexOf(quote!, i + 1);
      if (end < 0) fail('unterminated attribute');
      element.attributes[key] = decode(source.slice(i + 1, end));
      i = end + 1;
    }
    for (;;) {
      const next = source.indexOf('<', i);
      if (next < 0) fail(`unclosed <${element.name}>`);
      element.text += decode(source.slice(i, next));
      i = next;
      if (source.startsWith('</', i)) {
        i += 2;
        const closing = readName();
        if (closing !== element.name) fail(`</${closing}> closes <${element.name}>`);
        skipSpace();
        if (source[i] !== '>') fail('expected >');
        i++;
        return element;
      }
      element.children.push(readElement());
    }
  };
  if (source.startsWith('<?xml')) {
    i = source.indexOf('?>') + 2;
    if (i < 2) fail('unterminated declaration');
  }
  skipSpace();
  const root = readElement();
  skipSpace();
  if (i !== source.length) fail('content after the root element');
  return root;
}

/** Every descendant element with this name, in document order. */
export function findAll(element: XmlElement, name: string): XmlElement[] {
  return element.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
}
