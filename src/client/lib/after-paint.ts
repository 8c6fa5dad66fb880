/**
 * Runs `task` once the browser has painted the frame being prepared now: the next animation frame,
 * then a task after it (the frame is produced between the two). Used for work a first picture must
 * not wait behind, such as fetching the page's on-demand parts. Where no frames come (a
 * tab in the background), the task runs after `maxWaitMs` instead. Runs at most once; the returned
 * function cancels it.
 */
export interface FrameScheduler {
  requestFrame(callback: () => void): number;
  cancelFrame(handle: number): void;
  setTimer(callback: () => void, ms: number): ReturnType<typeof setTimeout>;
  clearTimer(handle: ReturnType<typeof setTimeout>): void;
}

const browserScheduler = (): FrameScheduler => ({
  requestFrame: (cb) => requestAnimationFrame(cb),
  cancelFrame: (h) => cancelAnimationFrame(h),
  setTimer: (cb, ms) => setTimeout(cb, ms),
  clearTimer: (h) => clearTimeout(h),
});

/**
 * Runs `task` once, in a task of its own after `signal` fires (or after `maxWaitMs` if it does not);
 * the returned function cancels whatever is still pending. `signal` arms a one-shot callback and
 * returns how to disarm it.
 */
function afterSignal(task: () => void, maxWaitMs: number, scheduler: FrameScheduler, signal: (fire: () => void) => () => void): () => void {
  let done = false;
  let next: ReturnType<typeof setTimeout> | undefined;
  const cancel = () => {
    done = true;
    disarm();
    scheduler.clearTimer(fallback);
    if (next !== undefined) scheduler.clearTimer(next);
  };
  const run = () => {
    if (done) return;
    cancel();
    task();
  };
  const disarm = signal(() => {
    next = scheduler.setTimer(run, 0);
  });
  const fallback = scheduler.setTimer(run, maxWaitMs);
  return cancel;
}

export function afterNextPaint(task: () => void, maxWaitMs = 250, scheduler: FrameScheduler = browserScheduler()): () => void {
  return afterSignal(task, maxWaitMs, scheduler, (fire) => {
    const frame = scheduler.requestFrame(fire);
    return () => scheduler.cancelFrame(frame);
  });
}

/** The page's first contentful paint has been presented (a Paint Timing entry exists for it). */
export interface PaintTimeline {
  firstContentfulPaintSeen(): boolean;
  /** Calls back once, when the first contentful paint is presented; returns a function that stops waiting. */
  onFirstContentfulPaint(callback: () => void): () => void;
}

const FCP = 'first-contentful-paint';

export const browserPaintTimeline = (): PaintTimeline => ({
  firstContentfulPaintSeen: () => typeof performance.getEntriesByName !== 'function' || performance.getEntriesByName(FCP).length > 0,
  onFirstContentfulPaint(callback) {
    if (typeof PerformanceObserver === 'undefined' || !PerformanceObserver.supportedEntryTypes?.includes('paint')) {
      callback();
      return () => undefined;
    }
    const observer = new PerformanceObserver((list) => {
      if (list.getEntriesByName(FCP).length === 0) return;
      observer.disconnect();
      callback();
    });
    observer.observe({ type: 'paint', buffered: true });
    return () => observer.disconnect();
  },
});

/**
 * As afterNextPaint, but while the page has not yet presented its first contentful paint, waits
 * for that: on a cold load the first frame is rasterised on worker threads for a while after the
 * main thread has committed it (about 150 ms of software raster on a 2-core machine), and work
 * started meanwhile (parsing an on-demand chunk) competes with it for the cores. At most
 * `maxWaitMs` in all.
 */
export function afterFirstPaint(task: () => void, maxWaitMs = 1_000, paints: PaintTimeline = browserPaintTimeline(), scheduler: FrameScheduler = browserScheduler()): () => void {
  if (paints.firstContentfulPaintSeen()) return afterNextPaint(task, Math.min(maxWaitMs, 250), scheduler);
  // In a task of its own: the observer's callback is not the place for a chunk's evaluation.
  return afterSignal(task, maxWaitMs, scheduler, (fire) => paints.onFirstContentfulPaint(fire));
}
