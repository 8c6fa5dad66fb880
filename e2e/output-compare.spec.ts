import AxeBuilder from '@axe-core/playwright';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { freePort, startChild, tempDir, type ChildServer } from './fixtures/child-server.ts';
import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import { taskRefToSearch, type TaskRef } from '../src/shared/task-ref.ts';
import { SIMULATOR_CREDENTIALS } from '../src/simulator/simulator.ts';
import { SIMULATOR_PUSH_HOST } from '../src/server/output/simulator-pull.ts';
import { phoneFacts } from './pages/phone-facts.ts';

// Declared, applied, seen, against the real server and its embedded simulator, whose outputs are
// decodable H.264 carrying Volcengine's layout SEI with planted differences: the online class
// leaves stu-fay out, the PK battle runs at half its frame rate, the gallery is capped at 720p.
// Bad input comes from servers started in that state: one that reads no outputs, one whose pull
// rule leads to a web page, and a host nobody allowed, which must see no request at all.

function scenario(id: string): TaskRef {
  const s = findDemoScenario(id);
  if (!s) throw new Error(`no demo scenario ${id}`);
  return s.ref;
}
const CLASS = scenario('online-class');
const taskPath = (ref: TaskRef) => `/task?${taskRefToSearch(ref)}`;

async function compare(page: Page) {
  const panel = page.getByTestId('output-panel');
  await panel.getByRole('button', { name: /Compare with the output|与输出流对比/ }).click();
  await expect(page.getByTestId('output-facts')).toBeVisible({ timeout: 15_000 });
  return panel;
}

test.describe('declared, applied, seen', () => {
  test('the online class: the applied layout and the stream beside the declared ones, stu-fay warned, played, frozen and found empty', async ({ page }) => {
    await page.goto(taskPath(CLASS));
    const panel = await compare(page);
    const facts = page.getByTestId('output-facts');
    await expect(facts.locator('tr', { hasText: 'Canvas' })).toContainText('1920 × 1080');
    await expect(facts.locator('tr', { hasText: 'Regions' })).toContainText(/8\s*7/);
    await expect(facts.locator('tr', { hasText: 'Frame rate' })).toContainText('25 fps');
    const differences = page.getByTestId('output-warning-list').locator('li');
    await expect(differences).toHaveCount(1);
    await expect(differences.first()).toHaveAttribute('data-code', 'appliedRegionMissing');
    await expect(differences.first()).toContainText('"stu-fay"');
    await expect(differences.first()).toContainText('publishing video');
    // The declared layout's own warnings stay where they were.
    await expect(page.getByRole('heading', { name: /Layout warnings/ })).toBeVisible();
    await expect(panel.getByTestId('output-raw-sei')).toHaveCount(1);

    const player = page.getByTestId('output-player');
    await player.getByRole('button', { name: /Play the output/ }).click();
    await expect(player).toHaveAttribute('data-state', 'playing', { timeout: 15_000 });
    // The declared regions over the video, labelled, with the applied ones: seven of eight.
    const overlay = player.locator('svg[data-server-picture]');
    await expect(overlay.locator('text', { hasText: 'stu-fay' })).toHaveCount(1);
    await expect(overlay.locator('text', { hasText: /^applied/ })).toHaveCount(7);
    await player.getByLabel('Region labels').uncheck();
    await expect(overlay.locator('text', { hasText: 'stu-fay' })).toHaveCount(0);
    await player.getByLabel('Applied regions').uncheck();
    await expect(overlay.locator('text')).toHaveCount(0);
    await expect.poll(() => player.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.5);

    await player.getByRole('button', { name: 'Freeze this frame' }).click();
    await expect(player).toHaveAttribute('data-frozen', 'true');
    const looks = page.getByTestId('frame-looks').locator('li');
    await expect(looks).toHaveCount(8);
    await expect(page.getByTestId('frame-looks').locator('li[data-verdict="empty"]')).toHaveText(/stu-fay · #7 looks empty: is the user publishing\?/);
    // stu-fay is in the room, so nothing about leaving it is said.
    await expect(page.getByTestId('frame-look-left')).toHaveCount(0);
    await expect(page.getByTestId('frame-looks').locator('li[data-verdict="picture"]')).toHaveCount(7);
    const frame = await page.getByTestId('frozen-frame').evaluate((c: HTMLCanvasElement) => [c.width, c.height]);
    expect(frame).toEqual([1920, 1080]);

    // Export PNG puts the frozen frame beside the layout.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export PNG' }).click();
    const png = await (await download).createReadStream();
    const chunks: Buffer[] = [];
    for await (const chunk of png) chunks.push(Buffer.from(chunk as Uint8Array));
    const bytes = Buffer.concat(chunks);
    // IHDR width and height: the layout (1920) and the frame scaled to its height, 16 px apart.
    expect([bytes.readUInt32BE(16), bytes.readUInt32BE(20)]).toEqual([1920 + 16 + 1920, 1080]);
  });

  test('a region found empty in the frozen frame of a user who left the room says when and why', async ({ page }) => {
    await page.goto(taskPath(scenario('client-task')));
    // The room's presence (from the callbacks) already explains the region beside the layout.
    await expect(page.getByTestId('empty-regions').locator('li[data-user="fan-joe"]')).toBeVisible({ timeout: 15_000 });
    const player = page.getByTestId('output-player');
    await player.getByRole('button', { name: /Play the output/ }).click();
    await expect(player).toHaveAttribute('data-state', 'playing', { timeout: 15_000 });
    await expect.poll(() => player.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.5);
    await player.getByRole('button', { name: 'Freeze this frame' }).click();
    const looks = page.getByTestId('frame-looks');
    // fan-joe's window sits over lily's picture: without fan-joe's stream, lily shows through it.
    const fan = looks.locator('li', { hasText: 'fan-joe' });
    await expect(fan).toHaveAttribute('data-verdict', 'picture');
    await expect(fan.getByTestId('frame-look-left')).toHaveText(/That picture is not fan-joe, but what lies under the region: fan-joe left the room at .+ \(connection lost\)\./);
    await expect(looks.locator('li', { hasText: 'lily' })).toHaveAttribute('data-verdict', 'picture');
    await expect(looks.locator('li', { hasText: 'lily' }).getByTestId('frame-look-left')).toHaveCount(0);
  });

  test('the PK battle and the gallery: the frame rate and the capped size warned in words', async ({ page }) => {
    await page.goto(taskPath(scenario('pk-battle')));
    await compare(page);
    const pk = page.getByTestId('output-warning-list').locator('li[data-code="streamFrameRate"]');
    await expect(pk).toContainText(/Encode asks 30 fps, the stream runs at 1[45]/);
    await expect(page.getByTestId('output-facts').locator('tr', { hasText: 'Frame rate' })).toContainText('30 fps');

    await page.goto(taskPath(scenario('gallery-30')));
    await compare(page);
    const gallery = page.getByTestId('output-warning-list').locator('li[data-code="streamResolution"]');
    await expect(gallery).toContainText('1920 × 1080');
    await expect(gallery).toContainText('1280 × 720');
    await expect(page.getByTestId('output-facts').locator('tr', { hasText: 'Canvas' })).toContainText('1280 × 720');
  });
});

for (const theme of ['light', 'dark'] as const) {
  test.describe(`on a phone, ${theme}`, () => {
    test.use({ viewport: { width: 390, height: 844 }, colorScheme: theme });

    test(`the comparison and the frozen player fit 390 px and pass axe, ${theme}`, async ({ page }) => {
      await page.goto(taskPath(CLASS));
      await compare(page);
      const player = page.getByTestId('output-player');
      await player.getByRole('button', { name: 'Play the output' }).click();
      await expect(player).toHaveAttribute('data-state', 'playing', { timeout: 15_000 });
      await expect.poll(() => player.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.5);
      await player.getByRole('button', { name: 'Freeze this frame' }).click();
      await expect(page.getByTestId('frame-looks')).toBeVisible();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      const results = await new AxeBuilder({ page }).include('[data-testid="output-panel"]').include('[data-testid="output-player"]')
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
      expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  });
}

test.describe('bad input beside the declared layout', () => {
  test.describe.configure({ mode: 'serial' });
  let simulator: ChildServer;
  let plain: ChildServer;
  let ruled: ChildServer;
  let webPage: Server;
  let elsewhere: Server;
  let elsewhereHits = 0;
  const webPageAsked: string[] = [];
  const data = [tempDir('mixscope-output-plain-'), tempDir('mixscope-output-ruled-')];

  const listen = async (server: Server) => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return `127.0.0.1:${(server.address() as AddressInfo).port}`;
  };

  test.beforeAll(async () => {
    webPage = createServer((req, res) => {
      webPageAsked.push(req.url ?? '');
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html><body>Sign in to the CDN console</body></html>');
    });
    elsewhere = createServer((_req, res) => {
      elsewhereHits += 1;
      res.writeHead(200, { 'Content-Type': 'video/x-flv' }).end();
    });
    const pageHost = await listen(webPage);
    await listen(elsewhere);
    const simPort = await freePort();
    simulator = await startChild('src/simulator/simulator-main.ts', ['--port', String(simPort)], {}, '/', simPort);
    const volc = { MIXSCOPE_UPSTREAM: 'volcengine', VOLC_ENDPOINT: simulator.url, VOLC_ACCESSKEY: SIMULATOR_CREDENTIALS.accessKeyId, VOLC_SECRETKEY: SIMULATOR_CREDENTIALS.secretKey, VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '', HOST: '127.0.0.1' };
    const plainPort = await freePort();
    plain = await startChild('src/server/main.ts', [], { ...volc, PORT: String(plainPort), MIXSCOPE_DATA_DIR: data[0]!.path, MIXSCOPE_PULL_RULES: '', MIXSCOPE_PULL_HOSTS: '' }, '/api/config', plainPort);
    const ruledPort = await freePort();
    ruled = await startChild('src/server/main.ts', [], {
      ...volc, PORT: String(ruledPort), MIXSCOPE_DATA_DIR: data[1]!.path, MIXSCOPE_PULL_HOSTS: '',
      MIXSCOPE_PULL_RULES: `${SIMULATOR_PUSH_HOST}=http://${pageHost}/{app}/{stream}.flv`,
    }, '/api/config', ruledPort);
  });

  test.afterAll(async () => {
    await ruled?.stop();
    await plain?.stop();
    await simulator?.stop();
    webPage?.close();
    elsewhere?.close();
    data.forEach((d) => d.remove());
  });

  // The standalone simulator's demo images live on no server of these: the class background does not load.
  const noDemoImages = (consoleErrors: { allow(p: string): void }) => consoleErrors.allow('/demo/class-background.png');

  test('a server that reads no outputs says how to set MIXSCOPE_PULL_RULES, and offers no compare or player', async ({ page, consoleErrors }) => {
    noDemoImages(consoleErrors);
    await page.goto(`${plain.url}${taskPath(CLASS)}`);
    const panel = page.getByTestId('output-panel');
    await expect(panel.getByTestId('output-not-configured')).toContainText('MIXSCOPE_PULL_RULES');
    await expect(panel.getByTestId('output-not-configured')).toContainText('push.example.com=https://pull.example.com/{app}/{stream}.flv');
    await expect(panel.getByRole('button')).toHaveCount(0);
    await expect(page.getByTestId('output-player')).toHaveCount(0);
    // The example rule is one long word: on a phone it must wrap, not push the page sideways.
    await page.setViewportSize({ width: 390, height: 844 });
    const facts = await phoneFacts(page);
    expect(facts.offscreen).toEqual([]);
    expect(facts.scrollWidth).toBeLessThanOrEqual(facts.viewport);
  });

  test('a pull URL that serves a web page is a clear message, and the declared layout stays', async ({ page, consoleErrors }) => {
    consoleErrors.allow('502');
    noDemoImages(consoleErrors);
    await page.goto(`${ruled.url}${taskPath(CLASS)}`);
    const panel = page.getByTestId('output-panel');
    await panel.getByRole('button', { name: 'Compare with the output' }).click();
    const failure = panel.getByTestId('output-failure');
    await expect(failure).toHaveAttribute('data-reason', 'not-flv', { timeout: 15_000 });
    await expect(failure).toContainText('The pull URL does not serve HTTP-FLV.');
    await expect(failure).toContainText('not HLS or a web page');
    await expect(page.getByTestId('layout-canvas')).toBeVisible();
    await expect(page.getByTestId('output-facts')).toHaveCount(0);
  });

  test('a pull URL typed on the page: not a URL is said at once, a host nobody allowed is refused unfetched, an allowed one is read', async ({ page, consoleErrors }) => {
    consoleErrors.allow('403');
    consoleErrors.allow('502');
    noDemoImages(consoleErrors);
    await page.goto(`${ruled.url}${taskPath(CLASS)}`);
    const panel = page.getByTestId('output-panel');
    const field = panel.getByLabel('Pull URL (optional)');
    const compare = panel.getByRole('button', { name: 'Compare with the output' });
    await field.fill('rtmp://push.example.com/live/x');
    await compare.click();
    await expect(panel.getByTestId('output-pull-url-invalid')).toContainText('http:// or https://');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(panel.getByTestId('output-failure')).toHaveCount(0);

    const elsewhereHost = `127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    await field.fill(`http://${elsewhereHost}/live/typed.flv`);
    await compare.click();
    const failure = panel.getByTestId('output-failure');
    await expect(failure).toHaveAttribute('data-reason', 'pull-host-not-allowed', { timeout: 15_000 });
    await expect(failure).toContainText('MIXSCOPE_PULL_HOSTS');
    expect(elsewhereHits).toBe(0);

    const pageHost = `127.0.0.1:${(webPage.address() as AddressInfo).port}`;
    await field.fill(`http://${pageHost}/live/typed-by-hand.flv`);
    await panel.getByRole('button', { name: 'Read the output again' }).click();
    await expect(failure).toHaveAttribute('data-reason', 'not-flv', { timeout: 15_000 });
    expect(webPageAsked).toContain('/live/typed-by-hand.flv');
    await expect(page.getByTestId('layout-canvas')).toBeVisible();
  });

  test('a host nobody allowed is refused with nothing fetched', async ({ request }) => {
    const host = `127.0.0.1:${(elsewhere.address() as AddressInfo).port}`;
    for (const path of ['/api/task/output', '/api/task/output/stream']) {
      const res = await request.get(`${ruled.url}${path}?${taskRefToSearch(CLASS)}&pullUrl=${encodeURIComponent(`http://${host}/live/x.flv`)}`);
      expect(res.status()).toBe(403);
      const body = await res.json() as { error: { message: string; output?: { reason: string } } };
      expect(body.error.output?.reason).toBe('pull-host-not-allowed');
      expect(body.error.message).toContain('MIXSCOPE_PULL_HOSTS');
    }
    expect(elsewhereHits).toBe(0);
  });
});

// The README's picture of the three layouts: `UPDATE_SCREENSHOTS=1` writes it to docs/screenshots,
// a normal run under test-results only. English light and dark, Chinese dark.
for (const [lang, theme] of [['en', 'light'], ['en', 'dark'], ['zh', 'dark']] as const) {
  test.describe(`README: declared, applied, seen, ${lang}, ${theme}`, () => {
    test.use({ locale: lang === 'zh' ? 'zh-CN' : 'en-US', colorScheme: theme, viewport: { width: 1280, height: 900 } });

    test(`the three layouts of the online class, ${lang}, ${theme}`, async ({ page }) => {
      const name = `declared-applied-seen-${lang}-${theme}`;
      await page.goto(taskPath(CLASS));
      await compare(page);
      const player = page.getByTestId('output-player');
      await player.getByRole('button', { name: /Play the output|播放输出流/ }).click();
      await expect(player).toHaveAttribute('data-state', 'playing', { timeout: 15_000 });
      await expect.poll(() => player.locator('video').evaluate((v: HTMLVideoElement) => v.currentTime), { timeout: 10_000 }).toBeGreaterThan(0.5);
      await player.getByRole('button', { name: /Freeze this frame|定格此帧/ }).click();
      await expect(page.getByTestId('frame-looks').locator('li[data-verdict="empty"]')).toHaveCount(1);
      await page.evaluate(async () => {
        await document.fonts.ready;
        await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      });
      const path = process.env.UPDATE_SCREENSHOTS ? `docs/screenshots/${name}.png` : test.info().outputPath(`${name}.png`);
      await page.getByTestId('layout-section').screenshot({ path });
    });
  });
}
