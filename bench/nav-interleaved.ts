import { existsSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import { taskRefToSearch } from '../src/shared/task-ref.ts';
import { launchChromium, median, startServer, type BenchServer } from './bench-kit.ts';
import { loadTaskPage } from './nav-page.ts';

/**
 * `npx tsx bench/nav-interleaved.ts <checkout> <checkout> ...`: the nav bench's cold /task load
 * (nav.bench.ts) against several builds at once, for a before/after that the machine's drift
 * cannot fake. Each checkout is a copy of the project with its own dist/ (a git worktree, built);
 * each is served by its own server, and the rounds take them in turn (A, B, A, B, ...), each round
 * BENCH_RUNS cold loads (10) after one warm-up per server. BENCH_ROUNDS rounds (5). Prints each
 * round's medians and the median of the rounds per checkout.
 */
const RUNS = Number(process.env.BENCH_RUNS || 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 5);
const SCENARIO = 'online-class';

interface Variant { name: string; server: BenchServer; drawn: number[]; onScreen: number[]; interactive: number[] }

async function main(): Promise<void> {
  const checkouts = process.argv.slice(2).map((dir) => resolve(dir));
  if (checkouts.length === 0) throw new Error('name at least one checkout (a copy of the project with dist/ built)');
  for (const dir of checkouts) if (!existsSync(join(dir, 'dist', 'index.html'))) throw new Error(`${dir}: dist/ is missing; run npm run build there`);
  const scenario = findDemoScenario(SCENARIO);
  if (!scenario) throw new Error(`no demo scenario ${SCENARIO}`);
  const search = taskRefToSearch(scenario.ref);
  const variants: Variant[] = [];
  const browser = await launchChromium();
  try {
    for (const dir of checkouts) {
      const server = await startServer({}, join(dir, 'src', 'server', 'main.ts'), { quiet: true });
      variants.push({ name: basename(dir), server, drawn: [], onScreen: [], interactive: [] });
      await loadTaskPage(browser, `${server.url}/task?${search}`); // warm-up: the server's first requests
    }
    for (let round = 1; round <= ROUNDS; round++) {
      for (const v of variants) {
        const runs = [];
        for (let i = 0; i < RUNS; i++) runs.push(await loadTaskPage(browser, `${v.server.url}/task?${search}`));
        v.drawn.push(median(runs.map((r) => r.drawnMs)));
        v.onScreen.push(median(runs.map((r) => r.onScreenMs)));
        v.interactive.push(median(runs.map((r) => r.interactiveMs)));
        console.log(`round ${round} ${v.name}: layout drawn ${v.drawn.at(-1)?.toFixed(0)} ms, on the screen ${v.onScreen.at(-1)?.toFixed(0)} ms, Konva canvas drawn ${v.interactive.at(-1)?.toFixed(0)} ms (medians of ${RUNS})`);
      }
    }
    const list = (xs: number[]) => xs.map((x) => x.toFixed(0)).join(', ');
    for (const v of variants) {
      console.log(`${v.name}: layout drawn ${list(v.drawn)} (median ${median(v.drawn).toFixed(0)} ms); on the screen ${list(v.onScreen)} (median ${median(v.onScreen).toFixed(0)} ms); Konva canvas drawn ${list(v.interactive)} (median ${median(v.interactive).toFixed(0)} ms)`);
    }
  } finally {
    await browser.close();
    await Promise.all(variants.map((v) => v.server.close()));
  }
}

await main();
