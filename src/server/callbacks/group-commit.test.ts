import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { groupCommit } from './group-commit.ts';

/** A defer the test runs by hand, so what forms one batch is decided by the test, not by timing. */
function manualDefer() {
  const queued: Array<() => void> = [];
  return {
    defer: (run: () => void) => void queued.push(run),
    /** Runs what was deferred so far, then lets the writes' promises settle. */
    async tick() {
      for (const run of queued.splice(0)) run();
      for (let i = 0; i < 10; i++) await Promise.resolve();
    },
    get waiting() { return queued.length; },
  };
}

describe('groupCommit', () => {
  it('writes what arrived in one turn in one call, and answers each waiter its own result', async () => {
    const clock = manualDefer();
    const writes: string[][] = [];
    const gc = groupCommit<string, string>(async (batch) => { writes.push([...batch]); return batch.map((s) => s.toUpperCase()); }, { maxBatch: 10, defer: clock.defer });
    const answers = Promise.all(['a', 'b', 'c'].map((s) => gc.add(s)));
    expect(writes).toEqual([]);
    await clock.tick();
    expect(await answers).toEqual(['A', 'B', 'C']);
    expect(writes).toEqual([['a', 'b', 'c']]);
  });

  it('fails every waiter of a failed write with its error, and writes the next batch on its own', async () => {
    const clock = manualDefer();
    let fail = true;
    const writes: string[][] = [];
    const gc = groupCommit<string, number>(async (batch) => {
      writes.push([...batch]);
      if (fail) throw new Error('disk full');
      return batch.map((s) => s.length);
    }, { maxBatch: 10, defer: clock.defer });
    const failed = ['x', 'yy'].map((s) => gc.add(s).then(() => 'ok', (err: Error) => err.message));
    await clock.tick();
    expect(await Promise.all(failed)).toEqual(['disk full', 'disk full']);
    fail = false;
    const next = gc.add('zzz');
    await clock.tick();
    expect(await next).toBe(3);
    expect(writes).toEqual([['x', 'yy'], ['zzz']]);
  });

  it('keeps one write in flight: what arrives meanwhile waits and goes in the next one', async () => {
    const clock = manualDefer();
    const writes: string[][] = [];
    let release: () => void = () => undefined;
    const gc = groupCommit<string, string>(async (batch) => {
      writes.push([...batch]);
      if (writes.length === 1) await new Promise<void>((r) => { release = r; });
      return [...batch];
    }, { maxBatch: 10, defer: clock.defer });
    const first = gc.add('a');
    await clock.tick();
    const later = [gc.add('b'), gc.add('c')];
    expect(clock.waiting).toBe(0);
    expect(writes).toEqual([['a']]);
    release();
    expect(await first).toBe('a');
    await clock.tick();
    expect(await Promise.all(later)).toEqual(['b', 'c']);
    expect(writes).toEqual([['a'], ['b', 'c']]);
  });

  it('fails the batch when the write answers a different number of results', async () => {
    const clock = manualDefer();
    const gc = groupCommit<string, string>(async () => ['only one'], { maxBatch: 10, defer: clock.defer });
    const both = [gc.add('a'), gc.add('b')].map((p) => p.then(() => 'ok', (err: Error) => err.message));
    await clock.tick();
    expect(await Promise.all(both)).toEqual([expect.stringMatching(/1 results for 2 items/), expect.stringMatching(/1 results for 2 items/)]);
  });

  it('property: every item is written once, in arrival order, in batches of at most maxBatch, and each waiter gets its own result', async () => {
    await fc.assert(fc.asyncProperty(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 12 }),
      fc.integer({ min: 1, max: 5 }),
      async (arrivalsPerTurn, maxBatch) => {
        const clock = manualDefer();
        const writes: number[][] = [];
        const gc = groupCommit<number, number>(async (batch) => { writes.push([...batch]); return batch.map((n) => n * 2); }, { maxBatch, defer: clock.defer });
        const answers: Array<Promise<number>> = [];
        let next = 0;
        for (const count of arrivalsPerTurn) {
          for (let i = 0; i < count; i++) answers.push(gc.add(next++));
          await clock.tick();
        }
        while (clock.waiting > 0) await clock.tick();
        const items = Array.from({ length: next }, (_, i) => i);
        expect(await Promise.all(answers)).toEqual(items.map((n) => n * 2));
        expect(writes.flat()).toEqual(items);
        for (const w of writes) expect(w.length).toBeLessThanOrEqual(maxBatch);
      },
    ), { numRuns: 100 });
  });
});
