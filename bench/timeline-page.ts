/**
 * What the timeline bench runs inside the page: plain functions for page.evaluate and
 * addInitScript, using browser globals only and returning numbers.
 */

declare global {
  interface Window {
    __timelineBench?: { historyEnd: number; drawnAt: number };
  }
}

/** Before the app starts: note when /api/history finished arriving and when the lanes were first drawn. */
export function watchFirstDraw(): void {
  const marks = { historyEnd: 0, drawnAt: 0 };
  window.__timelineBench = marks;
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.name.includes('/api/history') && marks.historyEnd === 0) marks.historyEnd = (e as PerformanceResourceTiming).responseEnd;
    }
  }).observe({ type: 'resource', buffered: true });
  const seen = new MutationObserver(() => {
    if (marks.drawnAt === 0 && document.querySelector('[data-lane="push"] > *')) {
      marks.drawnAt = performance.now();
      seen.disconnect();
    }
  });
  seen.observe(document, { childList: true, subtree: true });
}

export function firstDraw(): { historyEnd: number; drawnAt: number } {
  const m = window.__timelineBench;
  return { historyEnd: m?.historyEnd ?? 0, drawnAt: m?.drawnAt ?? 0 };
}

/**
 * Presses a key on the timeline `n` times and times each: until React has committed (the
 * microtask after the event) and until the next frame is painted.
 */
export async function timeKeys(args: { keys: string[]; n: number }): Promise<{ commit: number[]; frame: number[]; spans: number }> {
  // Defined inside: page.evaluate carries this function's text only.
  const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const chart = document.querySelector<HTMLElement>('[data-testid="timeline-chart"]');
  if (!chart) throw new Error('no timeline on the page');
  chart.focus();
  const commit: number[] = [];
  const frame: number[] = [];
  for (let i = 0; i < args.n; i++) {
    for (const key of args.keys) {
      await nextFrame();
      const t0 = performance.now();
      chart.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true }));
      await Promise.resolve();
      commit.push(performance.now() - t0);
      await nextFrame();
      frame.push(performance.now() - t0);
    }
  }
  return { commit, frame, spans: document.querySelectorAll('[data-lane] > *').length };
}
