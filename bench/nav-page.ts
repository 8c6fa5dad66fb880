import type { Browser } from '@playwright/test';
import { sleep } from './bench-kit.ts';

/** What one cold load of a /task link recorded (see nav.bench.ts for what each figure means). */
export interface NavRun { drawnMs: number; onScreenMs: number; interactiveMs: number; scripts: string[] }

export const NAV_VIEWPORT = { width: 1440, height: 900 };

/**
 * What the page has recorded once the Konva canvas is drawn and the region table filled, else
 * null: read with one small expression over the DevTools protocol. Playwright's own waiting
 * (waitForFunction, locators) first injects its utility script into the page, in the middle of
 * the load being timed; a user has no such script.
 */
const READ_MARKS = `(() => {
  const mark = (name) => performance.getEntriesByName(name, 'mark')[0]?.startTime;
  const interactiveMs = mark('layout-interactive');
  if (interactiveMs === undefined || !document.querySelector('[data-testid="region-table"] tbody tr')) return null;
  const drawnMs = mark('layout-drawn');
  const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN;
  const scripts = performance.getEntriesByType('resource')
    .filter((e) => e.initiatorType !== 'fetch' && /\\.m?js(\\?|$)/.test(e.name) && e.responseEnd <= drawnMs)
    .map((e) => new URL(e.name).pathname);
  return { drawnMs, onScreenMs: Math.max(drawnMs, fcp), interactiveMs, scripts };
})()`;

/** One load of `url` in a new browser context (cold HTTP cache, no storage). */
export async function loadTaskPage(browser: Browser, url: string): Promise<NavRun> {
  const context = await browser.newContext({ viewport: NAV_VIEWPORT });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(url, { waitUntil: 'commit' });
    const deadline = Date.now() + 30_000;
    while (Date.now() < deadline) {
      await sleep(50);
      const { result } = await cdp.send('Runtime.evaluate', { expression: READ_MARKS, returnByValue: true });
      const value: unknown = result.value;
      if (value) return value as NavRun;
    }
    throw new Error(`the layout of ${url} was not drawn within 30 s`);
  } finally {
    await context.close();
  }
}
