// Page script: an embedded block back to its value: script text to bytes (base 125), gunzip, JSON.
/// <reference lib="dom" />
import type { Page } from './page-api.js';

/** Adds `scriptTextToBytes` and `unpack` to the page. */
export function installUnpack(page: Page): void {
  // Each character's digit: every ASCII character but NUL, CR and '<', in order (DIGITS in script-text.ts).
  const DIGIT = new Int8Array(128).fill(-1);
  let next = 0;
  for (let code = 0; code < 128; code++) if (code !== 0 && code !== 13 && code !== 60) DIGIT[code] = next++;

  page.scriptTextToBytes = (text) => {
    const rest = text.length % 7;
    if (rest === 1) throw new Error('the embedded data is cut short');
    const bytes = new Uint8Array(Math.floor(text.length / 7) * 6 + (rest ? rest - 1 : 0));
    let at = 0;
    for (let start = 0; start < text.length; start += 7) {
      const end = Math.min(text.length, start + 7);
      let value = 0;
      for (let i = start; i < end; i++) {
        const code = text.charCodeAt(i);
        const digit = code < 128 ? DIGIT[code]! : -1;
        if (digit < 0) throw new Error(`the embedded data holds a character it cannot (U+${code.toString(16)} at ${i})`);
        value = value * 125 + digit;
      }
      // 7 digits make 6 bytes; a shorter last chunk one byte fewer than its digits.
      const count = end - start - 1;
      if (value >= 256 ** count) throw new Error(`the embedded data is damaged at ${start}`);
      for (let b = count - 1; b >= 0; b--) {
        bytes[at + b] = value % 256;
        value = Math.floor(value / 256);
      }
      at += count;
    }
    return bytes;
  };

  page.unpack = async (element) => {
    const bytes = page.scriptTextToBytes(element.textContent ?? '');
    // Reading chunks and decoding them as they come is many times faster than Response.text() here.
    const reader = new Blob([bytes as BlobPart]).stream().pipeThrough(new DecompressionStream('gzip')).getReader();
    const decoder = new TextDecoder();
    const parts: string[] = [];
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(decoder.decode(value, { stream: true }));
    }
    parts.push(decoder.decode());
    return JSON.parse(parts.join(''));
  };
}
