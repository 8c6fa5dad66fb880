import { availableParallelism, loadavg } from 'node:os';
import type { Browser, Page } from '@playwright/test';
import { API_VERSIONS, type ApiVersion } from '../src/shared/api-versions.ts';
import { applyEdit } from '../src/shared/layout-edit/edit-ops.ts';
import { snapRect } from '../src/shared/layout-edit/snap.ts';
import { layoutWarnings } from '../src/shared/layout-warnings.ts';
import { buildTaskModel } from '../src/shared/task-model.ts';
import { getTask, taskOf, testSim } from '../src/simulator/sim-test-kit.ts';
import { emitFigures, launchChromium, median, needDist, startServer, type Figure } from './bench-kit.ts';
import { startFrameLog, stopFrameLog } from './layout-draw-page.ts';

/**
 * `npx tsx bench/editor-drag.bench.ts`: dragging a region of the 30-person gallery (30 regions on
 * 1920 × 1080, the largest custom layout) in the what-if editor.
 *
 * 1. In the browser: headless Chromium against the real server and the embedded simulator opens
 *    the gallery's task page, presses "Edit a copy" and drags one region across the canvas, one
 *    pointer move per animation frame as a mouse sends them; the intervals between animation
 *    frames meanwhile are the frame times (p50, p95, fps). Needs dist/ (npm run build).
 * 2. In Node: what one pointer move costs the pure core in each API version: snap the dragged
 *    rectangle to the other 29 and the canvas, write it into a copy of the task, rebuild the task
 *    model and its warnings.
 * BENCH_MOVES (default 240) sets the number of pointer moves of each; BENCH_PORT, the server's
 * port (default: a free one).
 */
const MOVES = Number(process.env.BENCH_MOVES || 240);
const GALLERY = { AppId: 'demo-app', RoomId: 'town-hall', TaskId: 'gallery-mix' };
const FRAME_MS = 1000 / 60;
const SNAP_PX = 6;
const cpus = availableParallelism();

const p95 = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))] ?? NaN;
const ms = (n: number) => n.toFixed(2);

/** The path of a drag: a slow loop around the canvas centre, so the region crosses many alignments. */
function dragPath(n: number, centre: { x: number; y: number }, radius: { x: number; y: number }) {
  return Array.from({ length: n }, (_, i) => {
    const a = (2 * Math.PI * i) / n;
    return { x: centre.x + radius.x * Math.sin(a), y: centre.y + radius.y * (1 - Math.cos(a)) / 2 };
  });
}

async function galleryTask(version: ApiVersion): Promise<Record<string, unknown>> {
  return taskOf(await getTask(testSim(), GALLERY, { version }));
}

/** Per pointer move: snapRect + applyEdit(place) + buildTaskModel + layoutWarnings, wall ms each, and CPU ms per move over the lap. */
async function pureMoves(version: ApiVersion): Promise<{ times: number[]; cpuPerMove: number }> {
  const task = await galleryTask(version);
  const layout = buildTaskModel(task, version).layout;
  const dragged = layout.regions.find((r) => r.arrayIndex === 7);
  if (!dragged || layout.regions.length !== 30) throw new Error(`expected 30 regions, found ${layout.regions.length}`);
  const others = layout.regions.filter((r) => r !== dragged).map((r) => r.rect);
  const canvas = { width: layout.canvas.width.value, height: layout.canvas.height.value };
  const path = dragPath(MOVES, { x: dragged.rect.x, y: dragged.rect.y }, { x: canvas.width / 3, y: canvas.height / 2 });
  const times: number[] = [];
  let doc = task;
  let warnings = 0;
  let cpuStart = process.cpuUsage();
  for (const [i, p] of [...path, ...path].entries()) {
    if (i === path.length) cpuStart = process.cpuUsage();
    const t0 = performance.now();
    const { rect } = snapRect({ ...dragged.rect, x: p.x, y: p.y }, others, canvas, SNAP_PX, 'move');
    doc = applyEdit(task, version, { kind: 'place', regionIndex: dragged.arrayIndex, rect });
    warnings += layoutWarnings(buildTaskModel(doc, version)).length;
    // The first lap warms the JIT up; the second is measured.
    if (i >= path.length) times.push(performance.now() - t0);
  }
  const cpu = process.cpuUsage(cpuStart);
  if (warnings === 0 || doc === task) throw new Error('the moves changed nothing');
  return { times, cpuPerMove: (cpu.user + cpu.system) / 1000 / path.length };
}

interface BrowserDrag {
  frames: number[];
  longTasks: number[];
  placed: string;
  /** CPU time of Chromium's renderer processes per pointer move above the same loop without moves, ms: the page's own work, however busy the machine. */
  rendererCpuPerMove: number;
  /** The same loop without moves, per iteration. */
  idleCpuPerFrame: number;
}

/** CPU seconds used so far by Chromium's renderer processes (the page's main thread, its compositor, its workers). */
async function rendererCpu(browser: Browser): Promise<number> {
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { processInfo } = await cdp.send('SystemInfo.getProcessInfo');
    return processInfo.filter((p) => p.type === 'renderer').reduce((sum, p) => sum + p.cpuTime, 0);
  } finally {
    await cdp.detach();
  }
}

/** Presses "Edit a copy" on the gallery and drags region 8 around, one move per frame. */
async function browserDrag(browser: Browser, page: Page): Promise<BrowserDrag> {
  await page.getByTestId('edit-copy').click({ timeout: 30_000 });
  const canvas = page.getByTestId('editor-canvas');
  await canvas.waitFor({ timeout: 30_000 });
  await page.waitForFunction(() => document.querySelector('[data-testid="editor-canvas"] canvas') !== null);
  await canvas.scrollIntoViewIfNeeded();
  const box = await canvas.boundingBox();
  if (!box) throw new Error('no editor canvas');
  const read = async (name: string) => Number(await canvas.getAttribute(name));
  const [scale, viewX, viewY] = [await read('data-scale'), await read('data-view-x'), await read('data-view-y')];
  // Region 8 of the 6 × 5 grid on 1920 × 1080: second row, second column; press at its centre.
  const cell = { x: 320 + 160, y: 216 + 108 };
  const start = { x: box.x + viewX + cell.x * scale, y: box.y + viewY + cell.y * scale };
  const path = dragPath(MOVES, start, { x: box.width / 3, y: box.height / 2 });
  const nextFrame = () => page.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => resolve())));
  // The same loop without moves first: what the page and the bench's own calls cost anyway.
  const idleBefore = await rendererCpu(browser);
  for (let i = 0; i < path.length; i++) await nextFrame();
  const idle = (await rendererCpu(browser)) - idleBefore;
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.evaluate(startFrameLog);
  const cpuBefore = await rendererCpu(browser);
  for (const p of path) {
    await page.mouse.move(p.x, p.y);
    // One move per animation frame, as a mouse reports them.
    await nextFrame();
  }
  const cpuAfter = await rendererCpu(browser);
  const log = await page.evaluate(stopFrameLog);
  await page.mouse.up();
  const changed = await page.locator('[data-testid="edit-diff"] [data-path^="Layout.CustomLayout.Regions[7]."]').count();
  return { ...log, placed: changed > 0 ? 'the diff lists the dragged region' : 'the diff does not list the dragged region', rendererCpuPerMove: ((cpuAfter - cpuBefore - idle) * 1000) / path.length, idleCpuPerFrame: (idle * 1000) / path.length };
}

async function main(): Promise<void> {
  const figures: Record<string, Figure> = {};
  const lines = { push: (...text: string[]) => console.log(text.join('\n')) };
  for (const version of API_VERSIONS) {
    const { times, cpuPerMove } = await pureMoves(version);
    lines.push(`pure core, ${version}: per pointer move median ${ms(median(times))} ms, p95 ${ms(p95(times))} ms, CPU ${ms(cpuPerMove)} ms a move (snap + place + task model + warnings, 30 regions, ${times.length} moves)`);
    if (version === '2020-12-01') figures['editor-move-core'] = { value: Number(ms(median(times))), detail: `ms per pointer move in the pure core (snap, place, task model, warnings; 30 regions, 2020-12-01), p95 ${ms(p95(times))} ms, CPU ${ms(cpuPerMove)} ms a move` };
  }
  needDist();
  const server = await startServer({}, 'src/server/main.ts', { quiet: true, port: Number(process.env.BENCH_PORT) || undefined });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx keeps function names with a __name helper that page.evaluate does not carry over.
    await page.addInitScript({ content: 'window.__name = (f) => f;' });
    const query = new URLSearchParams({ appId: GALLERY.AppId, roomId: GALLERY.RoomId, taskId: GALLERY.TaskId });
    await page.goto(`${server.url}/task?${query}`);
    await page.getByTestId('region-table').locator('tbody tr >> nth=29').waitFor({ state: 'attached', timeout: 60_000 });
    const hasEditor = await page.getByTestId('edit-copy').first().waitFor({ timeout: 15_000 }).then(() => true, () => false);
    if (!hasEditor) {
      lines.push('browser: no "Edit a copy" button on the task page of this build: the drag in the browser is not measured');
    } else {
      const { frames, longTasks, placed, rendererCpuPerMove, idleCpuPerFrame } = await browserDrag(browser, page);
      const p50 = median(frames);
      const slow = frames.filter((f) => f > FRAME_MS * 1.5).length;
      lines.push(
        `browser drag: ${frames.length} frames, frame time p50 ${ms(p50)} ms, p95 ${ms(p95(frames))} ms, ${(1000 / p50).toFixed(1)} fps at the median, ${(1000 * frames.length / frames.reduce((a, b) => a + b, 0)).toFixed(1)} fps overall`,
        `  ${slow} frames longer than 1.5 frames; long tasks meanwhile: ${longTasks.length}${longTasks.length ? ` (longest ${ms(Math.max(...longTasks))} ms)` : ''}; ${placed}`,
        `  renderer CPU time per pointer move: ${ms(rendererCpuPerMove)} ms above the same loop without moves (${ms(idleCpuPerFrame)} ms an iteration); whatever else the machine runs, under ${ms(FRAME_MS)} ms leaves room for 60 fps on a free core`,
        `  load average ${loadavg().map((n) => n.toFixed(1)).join(', ')} (1, 5, 15 min) on ${cpus} cores`,
      );
      figures['editor-drag-cpu-per-move'] = { value: Number(ms(rendererCpuPerMove)), detail: 'ms of renderer CPU per pointer move while dragging a region of 30 (Chromium, SystemInfo.getProcessInfo)' };
      figures['editor-drag-frame-p50'] = { value: Number(ms(p50)), detail: `ms between frames while dragging a region of 30 in the editor (Chromium), ${(1000 / p50).toFixed(1)} fps` };
      figures['editor-drag-frame-p95'] = { value: Number(ms(p95(frames))), detail: `${slow} of ${frames.length} frames over 1.5 frames, ${longTasks.length} long tasks` };
    }
  } finally {
    await browser.close();
    await server.close();
  }
  emitFigures(figures);
}

await main();
