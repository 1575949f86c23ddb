// Makes model output safe to print on a terminal: control characters cannot move the cursor or recolour.

// C0 and C1 controls except tab and newline, and DEL; ESC is among them, so ANSI sequences are defused.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** `text` with control characters shown as visible escapes (`\x1b`). */
export function sanitize(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

/** One line for a table cell: controls escaped, newlines folded, cut to `width` characters. */
export function cell(text: string, width: number): string {
  const line = sanitize(text.replace(/\s+/g, ' ').trim());
  return line.length > width ? `${line.slice(0, width - 1)}…` : line;
}
