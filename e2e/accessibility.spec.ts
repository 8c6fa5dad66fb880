import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures/test.ts';
import { startVolcenginePair, type VolcenginePair } from './fixtures/volcengine-pair.ts';

// Every page, in both themes: no serious or critical axe violation (WCAG 2.2 A and AA rules).
const PAGES = [
  { name: 'home', path: '/', ready: 'demo-gallery' },
  // With real keys the home page shows the watch list instead of the demo (a server in volcengine mode).
  { name: 'home with real keys', path: '/', ready: 'watch-summary', volcengine: true },
  { name: 'home in Chinese', path: '/', ready: 'capabilities', zh: true },
  { name: 'task page', path: '/task?appId=demo-app&roomId=class-math-101&taskId=class-mix', ready: 'region-table' },
  { name: 'broken layout', path: '/task?appId=demo-app&roomId=support-ticket-4711&taskId=broken-mix', ready: 'warning-list' },
  { name: 'upstream error', path: '/task?appId=demo-app&roomId=room-archive&taskId=old-mix', ready: 'error-panel' },
  { name: 'offline inspector', path: '/inspect', ready: null },
  { name: 'watch list', path: '/watch', ready: null },
] as const satisfies readonly { name: string; path: string; ready: string | null; volcengine?: boolean; zh?: boolean }[];

let pair: VolcenginePair | undefined;
test.afterAll(async () => {
  await pair?.stop();
  pair = undefined;
});

for (const scheme of ['light', 'dark'] as const) {
  for (const p of PAGES) {
    test(`${p.name} (${scheme}) has no serious accessibility violation`, async ({ page, consoleErrors }) => {
      consoleErrors.allow('Failed to load resource'); // the upstream-error page and the broken layout's unreachable avatar
      await page.emulateMedia({ colorScheme: scheme });
      if ('volcengine' in p) {
        test.slow(); // its own two servers start first
        pair ??= await startVolcenginePair();
      }
      if ('zh' in p) await page.addInitScript(() => localStorage.setItem('mixscope.language', 'zh'));
      await page.goto('volcengine' in p && pair ? `${pair.mixscope.url}${p.path}` : p.path);
      if (p.ready) await expect(page.getByTestId(p.ready)).toBeVisible();
      else await expect(page.locator('main h1, main h2').first()).toBeVisible();
      const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      const serious = results.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
      expect(serious).toEqual([]);
    });
  }
}
