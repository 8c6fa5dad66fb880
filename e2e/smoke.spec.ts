import { ConfigResponseSchema, apiPaths } from '../src/shared/mixscope-api.ts';
import { expect, test } from './fixtures/test.ts';

// The real server, started by playwright.config.ts's webServer on the simulator, answers its
// API with JSON and serves the built SPA. Every check here fails when the server is broken.

test('GET /api/config answers JSON describing the simulator upstream', async ({ request }) => {
  const res = await request.get(apiPaths.config);
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^application\/json/);
  const config = ConfigResponseSchema.parse(await res.json());
  expect(config.upstream).toBe('simulator');
  expect(config.authRequired).toBe(false);
});

test('GET / serves the SPA shell', async ({ request }) => {
  const res = await request.get('/');
  expect(res.status()).toBe(200);
  expect(res.headers()['content-type']).toMatch(/^text\/html/);
  const html = await res.text();
  expect(html).toMatch(/<title>[^<]*mixscope[^<]*<\/title>/i);
  expect(html).toMatch(/<script[^>]+type="module"[^>]+src="\/assets\/[^"]+\.js"/);
});

test('the SPA loads in Chromium without page errors', async ({ page }) => {
  const res = await page.goto('/');
  expect(res?.status()).toBe(200);
  await expect(page).toHaveTitle(/mixscope/i);
  await expect(page.locator('#root')).not.toBeEmpty();
});
