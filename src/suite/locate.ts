// Turns a path inside a parsed YAML document into "file:line:col path" for error messages.
import { isNode, type Document, type LineCounter } from 'yaml';

export type PathKey = string | number;

/** `file:line:col cases[3].scorer`, pointing at the deepest node of `path` that exists. */
export function locate(doc: Document, lines: LineCounter, file: string, path: PathKey[]): string {
  let depth = path.length;
  while (depth > 0 && !isNode(doc.getIn(path.slice(0, depth), true))) depth--;
  const node = depth > 0 ? doc.getIn(path.slice(0, depth), true) : doc.contents;
  const offset = isNode(node) && node.range ? node.range[0] : 0;
  const { line, col } = lines.linePos(offset);
  const shown = formatPath(path);
  return `${file}:${line}:${col}${shown ? ` ${shown}` : ''}`;
}

/** `cases[3].scorer` from ['cases', 3, 'scorer']. */
export function formatPath(path: PathKey[]): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}
