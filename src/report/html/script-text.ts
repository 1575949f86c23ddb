// Bytes as text that may sit inside a <script> element: base 125, 7 ASCII characters per 6 bytes (base64 takes 8).

/**
 * The digits: every ASCII character but NUL (the HTML parser makes it U+FFFD), CR (it becomes LF)
 * and '<' (could end the element). The page's decoder (page/unpack.ts) builds the same list; the
 * round-trip test keeps the two in step. Control characters other than NUL and CR do occur: HTML
 * keeps them as they are (a validator calls them parse errors), the price of almost 7 bits a character (base64 carries 6).
 */
export const DIGITS: readonly number[] = Array.from({ length: 128 }, (_, code) => code).filter((code) => code !== 0 && code !== 13 && code !== 60);

/** Bytes per chunk: 6 bytes (48 bits) fit in 7 base-125 digits (125^7 > 2^48) and in a double, exactly. */
export const CHUNK_BYTES = 6;

/**
 * Encodes `bytes` 6 at a time as 7 base-125 digits, most significant first; a last chunk of r < 6
 * bytes takes r + 1 digits. ASCII only: the browser's parser keeps such text in its fast one-byte
 * form, which base-122's two-byte characters lost (measured: the page parsed a third slower).
 */
export function bytesToScriptText(bytes: Uint8Array): string {
  const full = Math.floor(bytes.length / CHUNK_BYTES);
  const rest = bytes.length % CHUNK_BYTES;
  const codes = new Uint8Array(full * (CHUNK_BYTES + 1) + (rest ? rest + 1 : 0));
  let at = 0;
  for (let start = 0; start < bytes.length; start += CHUNK_BYTES) {
    const end = Math.min(bytes.length, start + CHUNK_BYTES);
    let value = 0;
    for (let i = start; i < end; i++) value = value * 256 + bytes[i]!;
    const digits = end - start + 1;
    for (let d = digits - 1; d >= 0; d--) {
      codes[at + d] = DIGITS[value % 125]!;
      value = Math.floor(value / 125);
    }
    at += digits;
  }
  return Buffer.from(codes.buffer, codes.byteOffset, codes.length).toString('latin1');
}
