// A copy of a string that refers to no other: what a long-lived collection keeps of texts it did not make.

/**
 * V8 makes a slice of a long string (and a concatenation of slices) a pointer into the original,
 * so keeping a 4,000-character cut keeps its 40,000-character source alive, and keeping an answer
 * keeps the whole reply it was read from. Copied through UTF-16 bytes, the text stands alone, and
 * any lone surrogate survives unchanged.
 */
export function detached(text: string): string {
  return Buffer.from(text, 'utf16le').toString('utf16le');
}
