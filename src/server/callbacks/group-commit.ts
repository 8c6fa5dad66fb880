/**
 * Group commit: each caller hands in one item and waits for its own result. Items that arrive in
 * the same turn of the event loop, or while the previous write is still running, are written by
 * one call of `write` (one transaction, one commit), so the cost of a commit is shared by every
 * item in it. A batch is stored whole or not at all: when `write` throws, every waiter of that
 * batch gets the error, and the next batch is tried on its own.
 */
export interface GroupCommitOptions {
  /** The most items one write takes; the rest wait for the next. */
  maxBatch: number;
  /** When a first item arrives: the write runs after this (default setImmediate, after the I/O of this turn). */
  defer?: (run: () => void) => void;
}

export interface GroupCommit<T, R> {
  add(item: T): Promise<R>;
}

interface Waiter<T, R> {
  item: T;
  resolve: (result: R) => void;
  reject: (err: unknown) => void;
}

export function groupCommit<T, R>(write: (batch: readonly T[]) => Promise<readonly R[]>, opts: GroupCommitOptions): GroupCommit<T, R> {
  const defer = opts.defer ?? ((run) => void setImmediate(run));
  const maxBatch = Math.max(1, Math.floor(opts.maxBatch));
  let queue: Waiter<T, R>[] = [];
  let scheduled = false;
  let writing = false;

  const schedule = () => {
    if (scheduled || writing || queue.length === 0) return;
    scheduled = true;
    defer(() => void flush());
  };

  async function flush(): Promise<void> {
    scheduled = false;
    if (writing || queue.length === 0) return;
    const batch = queue.slice(0, maxBatch);
    queue = queue.slice(batch.length);
    writing = true;
    try {
      const results = await write(batch.map((w) => w.item));
      if (results.length !== batch.length) throw new Error(`a group write answered ${results.length} results for ${batch.length} items`);
      batch.forEach((w, i) => w.resolve(results[i] as R));
    } catch (err) {
      for (const w of batch) w.reject(err);
    } finally {
      writing = false;
      schedule();
    }
  }

  return {
    add: (item) => new Promise<R>((resolve, reject) => {
      queue.push({ item, resolve, reject });
      schedule();
    }),
  };
}
