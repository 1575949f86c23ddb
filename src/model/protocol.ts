// What a reply must look like to count as one: the faults that are the endpoint's, not the model's, and a watch on raw streams.

/** Codes for replies that are not the protocol; each is an error outcome, retried like a 5xx. */
export type ProtocolCode = 'bad_stream' | 'empty_stream' | 'stream_incomplete' | 'not_json' | 'empty_body' | 'no_choices';

/** A reply that is not the chat-completions protocol (an HTML page, an empty stream, a stream cut off). */
export class ProtocolError extends Error {
  override name = 'ProtocolError';
  constructor(
    readonly code: ProtocolCode,
    message: string,
  ) {
    super(message);
  }
}

/** A streamed reply that broke after it started (a malformed chunk, a dropped connection). */
export class StreamBrokenError extends Error {
  override name = 'StreamBrokenError';
}

/** A stream line longer than any reply under the cap could need: reading stops there. */
export class ReplyCapReached extends Error {
  override name = 'ReplyCapReached';
}

/** The finish reason of a reply cut at `maxReplyBytes`: the sample is truncated. */
export const MAX_REPLY_BYTES = 'max_reply_bytes';

/** What the raw bytes of a streamed reply showed, beyond what the SDK's parser tells. */
export interface StreamWatch {
  bytes: number;
  /** The first characters, to show what came when it was not an event stream. */
  head: string;
  /** A `data:` line came. */
  sawData: boolean;
  /** The `data: [DONE]` terminator came. */
  sawDone: boolean;
}

const DONE = /(?:^|\n)data: ?\[DONE\]/;
const DATA = /(?:^|\n)data:/;
const HEAD_CHARS = 120;

/**
 * Passes `body` through unchanged while watching it, and errors it with ReplyCapReached when one
 * line grows past `maxLineBytes` (the SDK's line decoder would buffer it whole).
 */
export function watchStream(body: ReadableStream<Uint8Array>, watch: StreamWatch, maxLineBytes: number): ReadableStream<Uint8Array> {
  const decoder = new TextDecoder();
  let tail = '';
  let lineBytes = 0;
  const watcher = new TransformStream<Uint8Array, Uint8Array>({
    transform(chunk, controller) {
      watch.bytes += chunk.byteLength;
      const text = decoder.decode(chunk, { stream: true });
      if (watch.head.length < HEAD_CHARS) watch.head = (watch.head + text).slice(0, HEAD_CHARS);
      const seen = tail + text;
      if (!watch.sawData && DATA.test(seen)) watch.sawData = true;
      if (!watch.sawDone && DONE.test(seen)) watch.sawDone = true;
      tail = seen.slice(-12);
      const newline = chunk.lastIndexOf(10);
      lineBytes = newline < 0 ? lineBytes + chunk.byteLength : chunk.byteLength - newline - 1;
      if (lineBytes > maxLineBytes) {
        controller.error(new ReplyCapReached(`a stream line passed ${maxLineBytes} bytes`));
        return;
      }
      controller.enqueue(chunk);
    },
  });
  return body.pipeThrough(watcher);
}

/**
 * The fault in a stream that ended quietly, or null when it is a reply. A stream with text but no
 * finish reason is accepted when `[DONE]` closed it (some servers omit the reason), not otherwise.
 */
export function streamFault(watch: StreamWatch, reply: { content: string; fieldReasoning: string; finishReason: string | null }): ProtocolError | null {
  if (reply.finishReason !== null) return null;
  const chars = reply.content.length + reply.fieldReasoning.length;
  if (chars > 0) {
    return watch.sawDone ? null : new ProtocolError('stream_incomplete', `the stream ended after ${chars} characters without a finish reason or [DONE]`);
  }
  if (watch.sawDone) return new ProtocolError('empty_stream', 'the stream carried no reply, only [DONE]');
  if (watch.sawData) return new ProtocolError('empty_stream', 'the stream ended with no reply, no finish reason and no [DONE]');
  if (watch.head.trim())
    return new ProtocolError(
      'bad_stream',
      `the endpoint answered a streaming request with something that is not an event stream: ${JSON.stringify(watch.head.trim().slice(0, 60))}`,
    );
  return new ProtocolError('empty_stream', 'the endpoint answered a streaming request with an empty body');
}
