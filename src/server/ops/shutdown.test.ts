import { describe, expect, it } from 'vitest';
import { recordingLogger } from '../test-support.ts';
import { createInflight } from './inflight.ts';
import { gracefulShutdown, type ShutdownSteps } from './shutdown.ts';

function steps(overrides: Partial<ShutdownSteps> = {}) {
  const order: string[] = [];
  const inflight = createInflight();
  const s: ShutdownSteps = {
    markStopping: () => order.push('not ready'),
    stopAccepting: () => order.push('stop accepting'),
    stopWatcher: async () => void order.push('watcher stopped'),
    inflight,
    closeConnections: () => order.push('connections closed'),
    stopUpstream: () => order.push('upstream stopped'),
    closeStore: async () => void order.push('store closed'),
    drainMs: 200,
    logger: recordingLogger(),
    ...overrides,
  };
  return { s, order, inflight };
}

describe('gracefulShutdown', () => {
  it('stops in order: not ready, no new connections, watcher, drain, upstream, store', async () => {
    const { s, order } = steps();
    expect(await gracefulShutdown(s)).toEqual({ drained: true, errors: 0 });
    expect(order).toEqual(['not ready', 'stop accepting', 'watcher stopped', 'connections closed', 'upstream stopped', 'store closed']);
  });

  it('waits for requests in flight before closing the store', async () => {
    const { s, order, inflight } = steps();
    inflight.enter();
    setTimeout(() => {
      order.push('request finished');
      inflight.leave();
    }, 20);
    expect((await gracefulShutdown(s)).drained).toBe(true);
    expect(order.indexOf('request finished')).toBeLessThan(order.indexOf('store closed'));
  });

  it('gives up waiting at the drain limit, and still closes the store', async () => {
    const { s, order, inflight } = steps({ drainMs: 30 });
    inflight.enter();
    expect(await gracefulShutdown(s)).toEqual({ drained: false, errors: 0 });
    expect(order.at(-1)).toBe('store closed');
  });

  it('a failing step is logged and counted; the later steps still run', async () => {
    const { s, order } = steps({ stopWatcher: () => Promise.reject(new Error('boom')) });
    expect(await gracefulShutdown(s)).toEqual({ drained: true, errors: 1 });
    expect(order.at(-1)).toBe('store closed');
  });
});

describe('createInflight', () => {
  it('is idle at once with nothing in flight, and when the last request leaves', async () => {
    const f = createInflight();
    expect(await f.idle(10)).toBe(true);
    f.enter();
    f.enter();
    const idle = f.idle(1_000);
    f.leave();
    expect(f.count()).toBe(1);
    f.leave();
    expect(await idle).toBe(true);
  });
});
