import { describe, expect, it } from 'vitest';
import { afterFirstPaint, afterNextPaint, type FrameScheduler, type PaintTimeline } from './after-paint.ts';

/** A hand-cranked clock: frames and timers fire only when the test says so. */
function manualScheduler() {
  let nextId = 1;
  const frames = new Map<number, () => void>();
  const timers = new Map<number, { cb: () => void; at: number }>();
  let now = 0;
  const scheduler: FrameScheduler = {
    requestFrame: (cb) => { const id = nextId++; frames.set(id, cb); return id; },
    cancelFrame: (id) => void frames.delete(id),
    setTimer: (cb, ms) => { const id = nextId++; timers.set(id, { cb, at: now + ms }); return id as unknown as ReturnType<typeof setTimeout>; },
    clearTimer: (id) => void timers.delete(id as unknown as number),
  };
  return {
    scheduler,
    frame() { const cbs = [...frames.values()]; frames.clear(); cbs.forEach((cb) => cb()); },
    advance(ms: number) {
      now += ms;
      for (const [id, t] of [...timers].sort((a, b) => a[1].at - b[1].at)) {
        if (t.at <= now && timers.has(id)) { timers.delete(id); t.cb(); }
      }
    },
    pending: () => frames.size + timers.size,
  };
}

describe('afterNextPaint', () => {
  it('waits for a frame and then for the task after it, not for the frame alone', () => {
    const clock = manualScheduler();
    let runs = 0;
    afterNextPaint(() => runs++, 250, clock.scheduler);
    clock.advance(0);
    expect(runs).toBe(0);
    clock.frame();
    expect(runs).toBe(0);
    clock.advance(0);
    expect(runs).toBe(1);
    expect(clock.pending()).toBe(0);
  });

  it('runs after maxWaitMs where no frame comes (a background tab), and only once', () => {
    const clock = manualScheduler();
    let runs = 0;
    afterNextPaint(() => runs++, 250, clock.scheduler);
    clock.advance(249);
    expect(runs).toBe(0);
    clock.advance(1);
    expect(runs).toBe(1);
    clock.frame();
    clock.advance(1000);
    expect(runs).toBe(1);
  });

  it('does nothing once cancelled', () => {
    const clock = manualScheduler();
    let runs = 0;
    const cancel = afterNextPaint(() => runs++, 250, clock.scheduler);
    clock.frame();
    cancel();
    clock.advance(1000);
    expect(runs).toBe(0);
    expect(clock.pending()).toBe(0);
  });
});

function manualPaints(seen = false) {
  let listener: (() => void) | undefined;
  const paints: PaintTimeline = {
    firstContentfulPaintSeen: () => seen,
    onFirstContentfulPaint: (cb) => { listener = cb; return () => { listener = undefined; }; },
  };
  return { paints, present() { seen = true; listener?.(); }, listening: () => listener !== undefined };
}

/** afterFirstPaint with a 1 s limit on a hand-cranked clock; `runs()` counts its calls. */
function waitForFirstPaint(painted: boolean) {
  const clock = manualScheduler();
  const fcp = manualPaints(painted);
  let count = 0;
  const cancel = afterFirstPaint(() => count++, 1000, fcp.paints, clock.scheduler);
  return { clock, fcp, cancel, runs: () => count };
}

describe('afterFirstPaint', () => {
  it('on a cold load waits for the first contentful paint to be presented, not for a frame', () => {
    const { clock, fcp, runs } = waitForFirstPaint(false);
    clock.frame();
    clock.advance(10);
    expect(runs()).toBe(0);
    fcp.present();
    expect(runs()).toBe(0);
    clock.advance(0);
    expect(runs()).toBe(1);
    expect(fcp.listening()).toBe(false);
    clock.advance(2000);
    expect(runs()).toBe(1);
  });

  it('gives up waiting after maxWaitMs', () => {
    const { clock, fcp, runs } = waitForFirstPaint(false);
    clock.advance(999);
    expect(runs()).toBe(0);
    clock.advance(1);
    expect(runs()).toBe(1);
    expect(fcp.listening()).toBe(false);
  });

  it('once the page has painted, waits only for the next frame', () => {
    const { clock, fcp, runs } = waitForFirstPaint(true);
    expect(fcp.listening()).toBe(false);
    clock.frame();
    clock.advance(0);
    expect(runs()).toBe(1);
  });

  it('does nothing once cancelled', () => {
    const { clock, fcp, runs, cancel } = waitForFirstPaint(false);
    cancel();
    fcp.present();
    clock.advance(5000);
    expect(runs()).toBe(0);
  });
});
