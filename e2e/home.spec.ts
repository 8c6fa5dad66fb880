import { test, expect } from './fixtures/test.ts';
import { startVolcenginePair, type VolcenginePair } from './fixtures/volcengine-pair.ts';

// The first screen has two faces. On the simulator (the run's server) it is a demo: the gallery
// first, the form one click away, what mixscope can do. With real keys it is an operator's: the
// form and the watch list. The second face comes from a server in volcengine mode against an endpoint of its
// own (the standalone simulator), as a deployment runs it.
let pair: VolcenginePair | undefined;
const live = async () => {
  pair ??= await startVolcenginePair();
  return pair.mixscope.url;
};
test.afterAll(async () => {
  await pair?.stop();
  pair = undefined;
});

test('on the simulator: the demo gallery on the first screen, the form one click away, what mixscope can do', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto('/');
  await expect(page.getByTestId('home')).toHaveAttribute('data-variant', 'demo');
  // A newcomer sees scenarios to open without scrolling: the first row of cards ends above the fold.
  const cards = page.getByTestId('demo-gallery').locator('a[data-scenario]');
  await expect(cards.first()).toBeVisible();
  for (const card of (await cards.all()).slice(0, 4)) {
    const box = await card.boundingBox();
    expect(box && box.y + box.height <= 720, `${await card.getAttribute('data-scenario')} ends at ${box && box.y + box.height}`).toBe(true);
  }
  const form = page.getByRole('form', { name: 'Look up a push task' });
  await expect(form).toBeHidden();
  await page.getByText('Open a task by its IDs').click();
  await expect(form).toBeVisible();
  await expect(form.getByRole('button', { name: 'Open task' })).toBeVisible();
  const panel = page.getByTestId('capabilities');
  await expect(panel.getByRole('heading', { name: 'What mixscope can do' })).toBeVisible();
  await expect(panel.getByRole('listitem')).toHaveCount(5);
  await expect(panel.getByRole('link', { name: 'Inspect a customer’s JSON offline' })).toHaveAttribute('href', '/inspect');
  await expect(page.getByTestId('demo-gallery')).toBeVisible();
  await expect(page.getByTestId('watch-summary')).toHaveCount(0);
});

test('with real keys: the form and the watch list, no demo', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(`${await live()}/`);
  await expect(page.getByTestId('home')).toHaveAttribute('data-variant', 'live');
  await expect(page.getByTestId('upstream-badge')).toHaveText('Volcengine cn-north-1');
  const summary = page.getByTestId('watch-summary');
  await expect(summary.getByRole('heading', { name: 'Watch list' })).toBeVisible();
  await expect(summary.getByRole('link', { name: /Open the watch list/ })).toHaveAttribute('href', '/watch');
  await expect(page.getByRole('button', { name: 'Open task' })).toBeVisible();
  // The watch list's counts are on the first screen, beside the form.
  const counts = await summary.boundingBox();
  expect(counts && counts.y + Math.min(counts.height, 200) <= 720).toBe(true);
  await expect(page.getByTestId('capabilities')).toHaveCount(0);
  await expect(page.getByTestId('demo-gallery')).toHaveCount(0);
});

test('in Chinese, both faces read in Chinese', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('mixscope.language', 'zh'));
  await page.goto('/');
  await expect(page.getByTestId('capabilities')).toContainText('mixscope 能做什么');
  await page.goto(`${await live()}/`);
  await expect(page.getByTestId('watch-summary').getByRole('heading', { name: '关注列表' })).toBeVisible();
});
