// Makes any string from outside (model text, server messages, suite names) safe to print on a terminal.

// C0 and C1 controls except tab and newline, and DEL: ESC is among them, so escape sequences (colours,
// window titles, clearing the screen) are defused. Bidi embeddings, overrides and isolates, and the
// bare marks, reorder what follows them on screen ("Trojan Source"): shown escaped too.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** `text` with control and bidi characters shown as visible escapes (`\x1b`, `\u202e`). */
export function sanitize(text: string): string {
  return text.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

/** One line for a table cell: controls escaped, newlines folded, cut to `width` characters. */
export function cell(text: string, width: number): string {
  const line = sanitize(text.replace(/\s+/g, ' ').trim());
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}
