import type { Page, TestInfo } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { freePort, startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';
import { phoneFacts } from './pages/phone-facts.ts';
import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import { taskRefToSearch } from '../src/shared/task-ref.ts';

// The operator on call opens a link on a phone: every page, in both themes and both languages,
// fits 390 px (and 360 px) without scrolling sideways, its tables fold into cards, its canvas
// fits, and everything to tap is at least 44 px each way. A server of its own with an access
// token, so the sign-in page is one of the pages walked; demo tasks are watched, so the fleet
// and the watch list have rows.

const TOKEN = 'e2e-phone-token-7c21';
let server: ChildServer;
const data = tempDir('mixscope-phone-');

test.describe.configure({ mode: 'default' });

test.beforeAll(async () => {
  const port = await freePort();
  server = await startChild('src/server/main.ts', [], {
    HOST: '127.0.0.1', PORT: String(port), MIXSCOPE_UPSTREAM: 'simulator', MIXSCOPE_DATA_DIR: data.path,
    MIXSCOPE_TOKEN: TOKEN, MIXSCOPE_CALLBACK_WATCH: '1', VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '',
  }, '/healthz', port);
});

test.afterAll(async () => {
  await server?.stop();
  data.remove();
});

const THEMES = ['light', 'dark'] as const;
const LANGUAGES = ['en', 'zh'] as const;
type Theme = (typeof THEMES)[number];
type Language = (typeof LANGUAGES)[number];

function demoTask(id: string): string {
  const s = findDemoScenario(id);
  if (!s) throw new Error(`no demo scenario ${id}`);
  return `/task?${taskRefToSearch(s.ref)}`;
}

interface PhonePage {
  name: string;
  path: string;
  /** Waits until what the page is about is drawn. */
  ready(page: Page): Promise<void>;
  signedIn: boolean;
}

const PAGES: PhonePage[] = [
  {
    name: 'sign-in', path: '/', signedIn: false,
    ready: async (page) => expect(page.getByRole('button', { name: /Sign in/ })).toBeVisible(),
  },
  {
    name: 'home', path: '/', signedIn: true,
    ready: async (page) => expect(page.getByTestId('demo-gallery')).toBeVisible(),
  },
  {
    name: 'task', path: demoTask('online-class'), signedIn: true,
    ready: async (page) => {
      await expect(page.getByTestId('task-status')).toBeVisible();
      await expect(page.getByTestId('layout-canvas')).toBeVisible();
      await expect(page.getByTestId('timeline-chart')).toBeVisible();
    },
  },
  {
    // A selected region opens its detail, whose field table holds the longest unbreakable values.
    name: 'task-region', path: demoTask('online-class'), signedIn: true,
    ready: async (page) => {
      await expect(page.getByTestId('layout-canvas')).toBeVisible();
      await page.getByTestId('region-table').locator('tbody tr').first().click();
      await expect(page.getByTestId('region-detail')).toBeVisible();
    },
  },
  {
    name: 'fleet', path: '/tasks', signedIn: true,
    ready: async (page) => expect(page.getByTestId('fleet-row').first()).toBeVisible({ timeout: 15_000 }),
  },
  {
    name: 'watch', path: '/watch', signedIn: true,
    ready: async (page) => expect(page.getByTestId('watch-row').first()).toBeVisible({ timeout: 15_000 }),
  },
  {
    name: 'inspector', path: '/inspect', signedIn: true,
    ready: async (page) => {
      await page.getByRole('button', { name: /Load an example|载入示例/ }).click();
      await expect(page.getByTestId('region-table')).toBeVisible();
    },
  },
];

async function openAs(page: Page, target: PhonePage, theme: Theme, language: Language): Promise<void> {
  await page.emulateMedia({ colorScheme: theme });
  await page.context().addCookies([
    { name: 'mixscope.theme', value: theme, url: server.url },
    { name: 'mixscope.language', value: language, url: server.url },
  ]);
  await page.addInitScript(({ theme, language }) => {
    localStorage.setItem('mixscope.theme', theme);
    localStorage.setItem('mixscope.language', language);
  }, { theme, language });
  if (target.signedIn) {
    const res = await page.request.post(`${server.url}/api/session`, { data: { token: TOKEN } });
    expect(res.status()).toBe(204);
  }
  await page.goto(`${server.url}${target.path}`);
  await target.ready(page);
}

async function expectFitsPhone(page: Page, info: TestInfo, shot: string, theme: Theme): Promise<void> {
  await page.screenshot({ path: info.outputPath(`${shot}.png`), fullPage: true });
  const facts = await phoneFacts(page);
  if (theme === 'dark') expect.soft(facts.backgroundLuminance, `${shot}: a dark page`).toBeLessThan(0.2);
  else expect.soft(facts.backgroundLuminance, `${shot}: a light page`).toBeGreaterThan(0.6);
  expect.soft(facts.scrollWidth, `${shot}: the page scrolls sideways`).toBeLessThanOrEqual(facts.viewport);
  expect.soft(facts.offscreen, `${shot}: things past the edge`).toEqual([]);
  expect.soft(facts.sideScrollers, `${shot}: boxes that scroll sideways`).toEqual([]);
  expect.soft(facts.wideCanvases, `${shot}: canvases wider than the screen`).toEqual([]);
  expect.soft(facts.smallTargets, `${shot}: targets smaller than 44 px`).toEqual([]);
}

test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

for (const target of PAGES) {
  test(`the ${target.name} page fits a phone in both themes and languages`, async ({ page, consoleErrors }, info) => {
    test.setTimeout(120_000);
    consoleErrors.allow('Failed to load resource'); // the inspector's example and broken demos point at images nowhere
    for (const theme of THEMES) {
      for (const language of LANGUAGES) {
        await openAs(page, target, theme, language);
        if (target.signedIn) await expect(page.locator('html')).toHaveClass(new RegExp(`\\b${theme}\\b`));
        await expectFitsPhone(page, info, `${target.name}-${theme}-${language}-390`, theme);
      }
      await page.setViewportSize({ width: 360, height: 740 });
      await page.reload();
      await target.ready(page);
      const facts = await phoneFacts(page);
      expect.soft(facts.scrollWidth, `${target.name} ${theme} at 360 px scrolls sideways`).toBeLessThanOrEqual(facts.viewport);
      expect.soft(facts.offscreen, `${target.name} ${theme} at 360 px: things past the edge`).toEqual([]);
      expect.soft(facts.sideScrollers, `${target.name} ${theme} at 360 px: boxes that scroll sideways`).toEqual([]);
      await page.setViewportSize({ width: 390, height: 844 });
    }
  });
}
