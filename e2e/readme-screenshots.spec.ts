import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';
import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import { taskRefToSearch, type TaskRef } from '../src/shared/task-ref.ts';
import { TimelinePanel } from './pages/timeline.ts';

// The README's screenshots come from this spec, not from hand: `UPDATE_SCREENSHOTS=1 npm run
// test:e2e -- e2e/readme-screenshots.spec.ts` writes them to docs/screenshots; a normal run
// writes them under test-results only, so the gate never dirties the work tree.
//
// Every page (home, task page, broken layout, timeline with a layout change, /inspect with an
// example, /watch with tasks, the fleet at /tasks) in English and Chinese, light and dark: 28 viewport shots named
// <page>-<language>-<theme>.png. A server of its own with the simulator 60 times faster than real
// time, so watched tasks have a history (the PK battle's layout change comes about 33 s after the
// start, the online class runs for a minute and a half) and the watch list is nobody else's.
const PORT = Number(process.env.E2E_SHOT_PORT || 8196);
const data = tempDir('mixscope-shots-');
let server: ChildServer;

const target = (name: string) => (process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}.png` : test.info().outputPath(`${name}.png`));

function scenario(id: string): TaskRef {
  const s = findDemoScenario(id);
  if (!s) throw new Error(`no demo scenario ${id}`);
  return s.ref;
}
const CLASS = scenario('online-class');
const BROKEN = scenario('broken-layout');
const PK = scenario('pk-battle');
const WATCHED = ['pk-battle', 'online-class', 'flaky-cdn', 'start-failure', 'idle-timeout', 'live-basic', 'starting-soon'].map(scenario);
const open = (page: Page, ref: TaskRef) => page.goto(`/task?${taskRefToSearch(ref)}`);

test.describe.configure({ mode: 'serial' });
test.use({ baseURL: `http://127.0.0.1:${PORT}`, viewport: { width: 1280, height: 800 }, timezoneId: 'UTC' });

test.beforeAll(async ({ request }) => {
  server = await startChild('src/server/main.ts', [], {
    PORT: String(PORT), HOST: '127.0.0.1', MIXSCOPE_UPSTREAM: 'simulator', MIXSCOPE_SIMULATOR_SPEED: '60',
    MIXSCOPE_DATA_DIR: data.path, VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '',
  }, '/api/config', PORT);
  for (const ref of WATCHED) await TimelinePanel.watch(request, server.url, ref);
});

test.afterAll(async () => {
  await server?.stop();
  data.remove();
});

/** Scrolls a part to the top of the window and lets the page paint before the shot. */
async function showAtTop(page: Page, testId: string) {
  await page.getByTestId(testId).first().evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await page.evaluate(() => window.scrollBy(0, -12));
  await settle(page);
}

async function settle(page: Page) {
  await page.evaluate(async () => {
    await document.fonts.ready;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  });
}

/** The Konva canvas, not its plain first picture, and the fitted view. */
async function canvasReady(page: Page) {
  await expect(page.locator('[data-layout-preview]')).toHaveCount(0);
  await expect(page.getByTestId('layout-canvas').first()).toBeVisible();
}

const WORDS = {
  en: { example: 'Load an example', openById: 'Open a task by its IDs', watchTitle: 'Watch list' },
  zh: { example: '载入示例', openById: '按 ID 打开任务', watchTitle: '关注列表' },
};

for (const lang of ['en', 'zh'] as const) {
  for (const theme of ['light', 'dark'] as const) {
    test.describe(`${lang}, ${theme}`, () => {
      test.use({ locale: lang === 'zh' ? 'zh-CN' : 'en-US', colorScheme: theme });

      test(`README: every page, ${lang}, ${theme}`, async ({ page, consoleErrors }) => {
        test.setTimeout(150_000);
        consoleErrors.allow('Failed to load resource'); // the broken layout's avatar and the inspector example's images
        const shot = async (name: string) => {
          await settle(page);
          await page.screenshot({ path: target(`${name}-${lang}-${theme}`), fullPage: false });
        };
        const words = WORDS[lang];

        await page.goto('/');
        await expect(page.getByTestId('capabilities')).toBeVisible();
        await expect(page.getByTestId('demo-gallery')).toBeVisible();
        await expect(page.getByTestId('query-disclosure').getByText(words.openById)).toBeVisible();
        await shot('home');

        // The PK battle's timeline with its layout change opened: lanes, markers, before and after.
        // First, so that the other task pages have some history to show too.
        const tl = new TimelinePanel(page);
        await open(page, PK);
        await expect.poll(() => tl.markers('layout').count(), { timeout: 90_000, intervals: [1_000] }).toBeGreaterThan(0);
        await tl.chart.focus();
        for (const key of ['ArrowDown', 'ArrowDown', 'End', 'Enter']) await page.keyboard.press(key);
        await expect(tl.markerDetail).toBeVisible();
        await expect(tl.markerDetail.getByTestId('marker-diff')).toBeVisible();
        await showAtTop(page, 'timeline');
        await shot('timeline');

        await open(page, CLASS);
        await expect(page.getByTestId('region-table').locator('tbody tr')).not.toHaveCount(0);
        await expect(page.getByTestId('timeline-chart')).toBeVisible();
        await canvasReady(page);
        await shot('task-page');

        await open(page, BROKEN);
        await expect(page.getByTestId('warning-list')).toBeVisible();
        await canvasReady(page);
        await showAtTop(page, 'layout-section');
        await shot('broken-layout');

        await page.goto('/inspect');
        await page.getByRole('button', { name: words.example }).click();
        await expect(page.getByTestId('inspect-document')).toBeVisible();
        await canvasReady(page);
        await showAtTop(page, 'inspect-document');
        await shot('inspect');

        await page.goto('/watch');
        await expect(page.getByRole('heading', { level: 1, name: words.watchTitle })).toBeVisible();
        await expect(page.getByTestId('watch-row')).toHaveCount(WATCHED.length);
        await shot('watch');

        // The fleet: the simulator's tasks arrived by themselves, each with what its poll found.
        await page.goto('/tasks');
        await expect(page.getByTestId('fleet-live')).toHaveAttribute('data-stream', 'open');
        await expect.poll(() => page.getByTestId('fleet-row').count(), { timeout: 30_000 }).toBeGreaterThanOrEqual(WATCHED.length);
        await expect(page.locator('[data-testid=fleet-row]:not([data-attention=unknown])').first()).toBeVisible({ timeout: 30_000 });
        await shot('fleet');
      });
    });
  }
}
