import { describe, expect, it } from 'vitest';
import { createManualClock } from '../watcher/manual-clock.ts';
import { createAdmission, type Acquired } from './admission.ts';
import { createTokenBucket } from './token-bucket.ts';

function admissionAt(rate = 10, burst = 1, opts: { maxQueue?: number } = {}) {
  const clock = createManualClock(0);
  const bucket = createTokenBucket({ rate: () => rate, burst, windowCap: rate, now: clock.now });
  const admission = createAdmission({
    bucket, clock, rate: () => rate, backgroundLimit: () => Math.floor(rate * 0.8),
    deadlineMs: { interactive: 1_500, background: 3_000 }, ...opts,
  });
  return { clock, admission };
}

describe('createAdmission', () => {
  it('grants at once while a token is free, synchronously', () => {
    const { admission } = admissionAt();
    expect(admission.canAcquireNow('interactive')).toBe(true);
    let granted: Acquired | undefined;
    void admission.acquire('interactive').then((a) => { granted = a; });
    expect(admission.canAcquireNow('interactive')).toBe(false); // the token is already gone
    return Promise.resolve().then(() => expect(granted).toEqual({ ok: true }));
  });

  it('serves queued interactive callers before queued background ones, in order', async () => {
    const { clock, admission } = admissionAt(10, 1);
    await admission.acquire('interactive');
    const order: string[] = [];
    const track = (name: string, p: Promise<Acquired>) => p.then((a) => a.ok && order.push(name));
    const all = [
      track('bg1', admission.acquire('background')), track('i1', admission.acquire('interactive')),
      track('bg2', admission.acquire('background')), track('i2', admission.acquire('interactive')),
    ];
    expect(admission.queued()).toEqual({ interactive: 2, background: 2 });
    await clock.advance(1_000);
    await Promise.all(all);
    expect(order).toEqual(['i1', 'i2', 'bg1', 'bg2']);
  });

  it('answers "deadline" with a Retry-After estimate when the wait would be too long', async () => {
    const { clock, admission } = admissionAt(1, 1);
    await admission.acquire('interactive');
    admission.finish();
    const waiting = admission.acquire('interactive');
    const later = admission.acquire('interactive'); // its token would come at 2 s, after its 1.5 s deadline
    await clock.advance(1_600);
    expect(await waiting).toEqual({ ok: true });
    expect(await later).toMatchObject({ ok: false, reason: 'deadline' });
  });

  it('a caller queued behind a call in flight is served a window after that call\'s answer', async () => {
    const { clock, admission } = admissionAt(1, 1);
    await admission.acquire('interactive');
    let granted: Acquired | undefined;
    void admission.acquire('interactive').then((a) => { granted = a; });
    await clock.advance(200);
    admission.finish();
    await clock.advance(999);
    expect(granted).toBeUndefined();
    await clock.advance(1);
    expect(granted).toEqual({ ok: true });
  });

  it('a caller that gives up leaves the queue', async () => {
    const { admission } = admissionAt(1, 1);
    await admission.acquire('interactive');
    const controller = new AbortController();
    const leaving = admission.acquire('interactive', controller.signal);
    controller.abort();
    expect(await leaving).toEqual({ ok: false, reason: 'aborted', retryAfterMs: 0 });
    expect(admission.queued().interactive).toBe(0);
  });

  it('drain() answers everyone waiting', async () => {
    const { admission } = admissionAt(1, 1, { maxQueue: 10 });
    await admission.acquire('interactive');
    const a = admission.acquire('background');
    admission.drain();
    expect(await a).toMatchObject({ ok: false, reason: 'aborted' });
  });
});
