/** Reads a text/event-stream response in a test: waits for the next event or comment, never sleeps. */

export interface SseEvent {
  event: string;
  id: string | undefined;
  data: string;
}

export interface SseReader {
  /** The next event (comments skipped), as it arrives. */
  next(): Promise<SseEvent>;
  /** The next comment line (heartbeats). */
  nextComment(): Promise<string>;
  cancel(): Promise<void>;
}

export function sseReader(res: Response): SseReader {
  if (res.body === null) throw new Error('the response has no body');
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  const blocks: string[] = [];

  async function nextBlock(): Promise<string> {
    for (;;) {
      const block = blocks.shift();
      if (block !== undefined) return block;
      const { value, done } = await reader.read();
      if (done) throw new Error('the stream ended');
      buffer += decoder.decode(value, { stream: true });
      const parts = buffer.split('\n\n');
      buffer = parts.pop() ?? '';
      blocks.push(...parts.filter((p) => p !== ''));
    }
  }

  const parse = (block: string): SseEvent | undefined => {
    const lines = block.split('\n');
    if (lines.every((l) => l.startsWith(':') || l.startsWith('retry:'))) return undefined;
    const field = (name: string) => lines.filter((l) => l.startsWith(`${name}: `)).map((l) => l.slice(name.length + 2));
    return { event: field('event')[0] ?? 'message', id: field('id')[0], data: field('data').join('\n') };
  };

  return {
    async next() {
      for (;;) {
        const event = parse(await nextBlock());
        if (event !== undefined) return event;
      }
    },
    async nextComment() {
      for (;;) {
        const block = await nextBlock();
        if (block.startsWith(':')) return block;
      }
    },
    cancel: () => reader.cancel(),
  };
}
