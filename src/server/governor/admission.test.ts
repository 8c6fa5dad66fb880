import { describe, expect, it } from 'vitest';
import { createManualClock } from '../clock/manual-clock.ts';
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

  it('answers "queue-full" at once past maxQueue, with a Retry-After for everyone ahead', async () => {
    const { admission } = admissionAt(2, 1, { maxQueue: 2 });
    await admission.acquire('interactive');
    void admission.acquire('interactive');
    void admission.acquire('background');
    expect(await admission.acquire('interactive')).toEqual({ ok: false, reason: 'queue-full', retryAfterMs: 1_500 }); // 3 × 1000 / 2
    expect(admission.queued()).toEqual({ interactive: 1, background: 1 });
  });

  it('gives each deadline answer a Retry-After for those still queued', async () => {
    const { clock, admission } = admissionAt(1, 1);
    await admission.acquire('interactive'); // in flight and never answered: the window stays full
    const first = admission.acquire('interactive');
    const second = admission.acquire('interactive');
    await clock.advance(1_500);
    expect(await first).toEqual({ ok: false, reason: 'deadline', retryAfterMs: 2_000 }); // one still queued: 2 × 1000 / 1
    expect(await second).toEqual({ ok: false, reason: 'deadline', retryAfterMs: 1_000 });
    expect(admission.queued()).toEqual({ interactive: 0, background: 0 });
  });

  it('answers a caller whose signal is already aborted without queueing it', async () => {
    const { admission } = admissionAt();
    const controller = new AbortController();
    controller.abort();
    expect(await admission.acquire('interactive', controller.signal)).toEqual({ ok: false, reason: 'aborted', retryAfterMs: 0 });
    expect(admission.canAcquireNow('interactive')).toBe(true); // no token was taken
  });

  it('lets a person past background callers held at their share of the window', async () => {
    const clock = createManualClock(0);
    const bucket = createTokenBucket({ rate: () => 10, burst: 10, windowCap: 10, now: clock.now });
    const admission = createAdmission({ bucket, clock, rate: () => 10, backgroundLimit: () => 1 });
    expect(await admission.acquire('background')).toEqual({ ok: true });
    const held = admission.acquire('background');
    expect(admission.canAcquireNow('background')).toBe(false);
    expect(admission.canAcquireNow('interactive')).toBe(true);
    expect(await admission.acquire('interactive')).toEqual({ ok: true });
    expect(admission.queued()).toEqual({ interactive: 0, background: 1 });
    admission.drain();
    expect(await held).toMatchObject({ ok: false, reason: 'aborted' });
  });

  it('estimates the wait from the queue ahead, and from the bucket when nobody is queued', async () => {
    const { admission } = admissionAt(4, 1);
    expect(admission.waitMs('interactive')).toBe(0);
    await admission.acquire('interactive');
    expect(admission.waitMs('interactive')).toBe(250);
    void admission.acquire('background');
    expect(admission.waitMs('interactive')).toBe(250); // background callers are not ahead of a person
    expect(admission.waitMs('background')).toBe(500); // one ahead: 2 × 1000 / 4
    admission.drain();
  });

  it('drain() leaves no timer behind and a granted caller\'s later abort changes nothing', async () => {
    const { clock, admission } = admissionAt(1, 1);
    await admission.acquire('interactive');
    const controller = new AbortController();
    const granted = admission.acquire('interactive', controller.signal);
    admission.finish();
    await clock.advance(1_000);
    expect(await granted).toEqual({ ok: true });
    const other = admission.acquire('interactive');
    controller.abort();
    expect(admission.queued().interactive).toBe(1);
    admission.drain();
    expect(await other).toMatchObject({ ok: false, reason: 'aborted' });
    expect(clock.pendingTimers()).toBe(0);
  });

  it('a newcomer never jumps a queue, even when the token comes early because the rate went up', async () => {
    const clock = createManualClock(0);
    let rate = 1;
    const bucket = createTokenBucket({ rate: () => rate, burst: 1, windowCap: 10, now: clock.now });
    const admission = createAdmission({ bucket, clock, rate: () => rate, backgroundLimit: () => 10 });
    const state = new Map<string, Acquired>();
    const track = (name: string, p: Promise<Acquired>) => void p.then((a) => state.set(name, a));
    expect(await admission.acquire('interactive')).toEqual({ ok: true });
    track('i1', admission.acquire('interactive'));
    track('b1', admission.acquire('background'));
    rate = 1_000;
    await clock.advance(10); // a token is back long before the queue's timer
    expect(admission.canAcquireNow('interactive')).toBe(false);
    expect(admission.canAcquireNow('background')).toBe(false);
    track('i2', admission.acquire('interactive'));
    await clock.advance(0);
    expect([...state.keys()]).toEqual(['i1']);
    track('b2', admission.acquire('background'));
    await clock.advance(0);
    expect([...state.keys()]).toEqual(['i1']); // b2 waits behind i2 and b1
    admission.drain();
  });

  it('a background newcomer waits behind queued background callers when the token comes early', async () => {
    const clock = createManualClock(0);
    let rate = 1;
    const bucket = createTokenBucket({ rate: () => rate, burst: 1, windowCap: 10, now: clock.now });
    const admission = createAdmission({ bucket, clock, rate: () => rate, backgroundLimit: () => 10 });
    const served: string[] = [];
    expect(await admission.acquire('background')).toEqual({ ok: true });
    void admission.acquire('background').then((a) => a.ok && served.push('b1'));
    rate = 1_000;
    await clock.advance(10);
    expect(admission.canAcquireNow('background')).toBe(false);
    void admission.acquire('background').then((a) => a.ok && served.push('b2'));
    await clock.advance(0);
    expect(served).toEqual(['b1']);
    admission.drain();
  });

  it('takes no token for nobody once the queue is empty', async () => {
    const { clock, admission } = admissionAt(10, 1);
    await admission.acquire('interactive');
    const queued = admission.acquire('interactive');
    await clock.advance(100);
    expect(await queued).toEqual({ ok: true });
    admission.finish();
    admission.finish();
    await clock.advance(2_000);
    expect(admission.canAcquireNow('interactive')).toBe(true);
    expect(admission.canAcquireNow('background')).toBe(true);
    expect(clock.pendingTimers()).toBe(0);
  });

  it('lets a person in on a free token even when the queue is full of held background callers', async () => {
    const clock = createManualClock(0);
    const bucket = createTokenBucket({ rate: () => 10, burst: 10, windowCap: 10, now: clock.now });
    const admission = createAdmission({ bucket, clock, rate: () => 10, backgroundLimit: () => 1, maxQueue: 1 });
    expect(await admission.acquire('background')).toEqual({ ok: true });
    void admission.acquire('background');
    expect(await admission.acquire('interactive')).toEqual({ ok: true });
    expect(await admission.acquire('background')).toMatchObject({ ok: false, reason: 'queue-full' });
    admission.drain();
  });
});
