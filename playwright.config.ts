import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { defineConfig } from '@playwright/test';
import { resolveChromiumOrThrow } from './scripts/find-chromium.mjs';
import { REPORTS } from './scripts/gate-summary.mjs';

// End-to-end tests against the real server (src/server/main.ts) serving the built SPA from
// dist/ with the embedded simulator upstream. `npm test` and `npm run test:e2e` build dist/
// first and pass the Chromium they found in MIXSCOPE_CHROMIUM; a bare `npx playwright test`
// resolves one the same way, without installing anything.

const port = Number(process.env.E2E_PORT || 8181);
if (!Number.isInteger(port) || port <= 0 || port > 65_535) {
  throw new Error(`E2E_PORT must be a TCP port number, got "${process.env.E2E_PORT}".`);
}
const baseURL = `http://127.0.0.1:${port}`;

const chromium = process.env.MIXSCOPE_CHROMIUM || resolveChromiumOrThrow().path;
// Workers load this config again: let them inherit the answer.
process.env.MIXSCOPE_CHROMIUM = chromium;
const isRoot = process.getuid?.() === 0;
// Without the background-networking flags Chromium keeps calling out and is refused here.
const chromiumArgs = [
  ...(isRoot ? ['--no-sandbox'] : []),
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

// The server must never see real credentials or an access token in a test run: it talks to
// the simulator only, and every API call is made without a token. Playwright merges process.env
// under webServer.env, so leaving them out would not unset them; empty means "not given" to the
// server and, since the environment wins over a developer's .env file, hides that file's too.
const noSecrets = Object.fromEntries(
  ['VOLC_ACCESSKEY', 'VOLC_SECRETKEY', 'VOLC_SESSION_TOKEN', 'MIXSCOPE_TOKEN'].map((name) => [name, '']),
);

// A fresh, empty data directory per run. The config is loaded by the runner and again by each
// worker; only the first load creates it (workers inherit the variable) and removes it at exit,
// after Playwright has stopped the server.
function freshDataDir(): string {
  const inherited = process.env.MIXSCOPE_E2E_DATA_DIR;
  if (inherited) return inherited;
  const dir = mkdtempSync(join(tmpdir(), 'mixscope-e2e-'));
  process.env.MIXSCOPE_E2E_DATA_DIR = dir;
  process.on('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
const dataDir = freshDataDir();

// With the embedded simulator, every demo task is discovered (as callbacks) and, by default, put on
// the watch list. Most specs look at tasks nobody watches yet, so their servers (this one and the
// ones specs start, which inherit the environment) only record the events; the fleet's spec
// turns watching back on for its own server.
process.env.MIXSCOPE_CALLBACK_WATCH ??= '0';

// Two cores run the server, the simulator and each worker's Chromium: one worker there keeps
// timings honest; bigger machines get two. E2E_WORKERS overrides.
const workers = Number(process.env.E2E_WORKERS) || (availableParallelism() >= 4 ? 2 : 1);

export default defineConfig({
  testDir: 'e2e',
  // Not test-results/ itself: Playwright empties its outputDir, and the gate's reports live there.
  outputDir: 'test-results/e2e',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers,
  timeout: 30_000,
  expect: { timeout: 5_000 },
  globalTimeout: 30 * 60_000,
  reporter: [['list'], ['json', { outputFile: REPORTS.e2e }]],
  use: {
    baseURL,
    browserName: 'chromium',
    launchOptions: { executablePath: chromium, args: chromiumArgs },
    viewport: { width: 1280, height: 800 },
    timezoneId: 'UTC',
    locale: 'en-US',
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
  },
  webServer: {
    command: 'npx tsx src/server/main.ts',
    url: `${baseURL}/api/config`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
    gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    stdout: 'ignore',
    stderr: 'pipe',
    env: {
      ...noSecrets,
      HOST: '127.0.0.1',
      PORT: String(port),
      MIXSCOPE_UPSTREAM: 'simulator',
      MIXSCOPE_DATA_DIR: dataDir,
      MIXSCOPE_CALLBACK_WATCH: process.env.MIXSCOPE_CALLBACK_WATCH,
    },
  },
});
