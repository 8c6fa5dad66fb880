/**
 * Reads a response body up to a byte cap, counting as it goes, and cancels the stream the moment
 * the cap is passed: a chunked answer without Content-Length must cost no more memory than the
 * cap, however large it would have grown.
 */

export type CappedRead =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; readBytes: number };

/** `signal` cancels the stream too (a timeout), and then the read rejects rather than return part of a body. */
export async function readCappedBody(body: ReadableStream<Uint8Array> | null, maxBytes: number, signal?: AbortSignal): Promise<CappedRead> {
  if (body === null) return { ok: true, bytes: new Uint8Array(0) };
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const onAbort = () => { void reader.cancel().catch(() => undefined); };
  signal?.addEventListener('abort', onAbort, { once: true });
  try {
    for (;;) {
      if (signal?.aborted) throw new Error('The body read was cancelled.');
      const { done, value } = await reader.read();
      if (signal?.aborted) throw new Error('The body read was cancelled.');
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        // Cancelling tells fetch to drop the connection: nothing more is read or buffered.
        await reader.cancel().catch(() => undefined);
        return { ok: false, readBytes: total };
      }
      chunks.push(value);
    }
  } finally {
    signal?.removeEventListener('abort', onAbort);
    reader.releaseLock();
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return { ok: true, bytes };
}
