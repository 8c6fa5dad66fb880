/**
 * What the layout-draw bench runs inside the page. Plain functions handed to page.evaluate, so
 * they may use only browser globals; they return numbers, never live Konva nodes.
 */

export interface DrawTimes {
  regions: number;
  /** Whole stage: background, regions, overlays (labels), highlight; each flushed to pixels. */
  stage: number[];
  /** The regions layer alone. */
  regionsLayer: number[];
  /** The overlays layer alone (labels, outlines). */
  overlaysLayer: number[];
}

interface KonvaLayerLike {
  draw(): void;
  getCanvas(): { _canvas: HTMLCanvasElement };
}
interface KonvaStageLike {
  container(): HTMLElement;
  getLayers(): KonvaLayerLike[];
}

/** Times `iterations` synchronous redraws of the layout canvas's Konva stage. */
export function measureDraws(iterations: number): DrawTimes {
  const konva: unknown = Reflect.get(window, 'Konva');
  const stages: unknown = konva && typeof konva === 'object' ? Reflect.get(konva, 'stages') : undefined;
  if (!Array.isArray(stages)) throw new Error('window.Konva.stages not found');
  const stage = (stages as KonvaStageLike[]).find((s) => s.container().closest('[data-testid="layout-canvas"]'));
  if (!stage) throw new Error('no Konva stage inside the layout canvas');
  const layers = stage.getLayers();
  // Canvas 2D may defer its work; reading one pixel makes the time include the rasterising.
  const flush = (layer: KonvaLayerLike) => layer.getCanvas()._canvas.getContext('2d')?.getImageData(0, 0, 1, 1);
  const time = (run: () => void): number[] => {
    run(); // warm up: fonts, caches, JIT
    const out: number[] = [];
    for (let i = 0; i < iterations; i++) {
      const t0 = performance.now();
      run();
      out.push(performance.now() - t0);
    }
    return out;
  };
  const drawLayer = (layer: KonvaLayerLike | undefined) => () => {
    if (!layer) return;
    layer.draw();
    flush(layer);
  };
  const regions = document.querySelectorAll('[data-testid="region-table"] tbody tr').length;
  return {
    regions,
    stage: time(() => layers.forEach((l) => drawLayer(l)())),
    regionsLayer: time(drawLayer(layers[1])),
    overlaysLayer: time(drawLayer(layers[2])),
  };
}

/** Starts recording the intervals between animation frames (a hover sweep runs meanwhile). */
export function startFrameLog(): void {
  const log: number[] = [];
  const longTasks: number[] = [];
  Reflect.set(window, '__frameLog', log);
  Reflect.set(window, '__longTasks', longTasks);
  const observer = new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) longTasks.push(entry.duration);
  });
  observer.observe({ entryTypes: ['longtask'] });
  Reflect.set(window, '__longTaskObserver', observer);
  let last = performance.now();
  const tick = (now: number) => {
    log.push(now - last);
    last = now;
    if (Reflect.get(window, '__frameLog') === log) requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Frame intervals, and the long tasks (over 50 ms, any cause: a poll's parse counts too) meanwhile. */
export function stopFrameLog(): { frames: number[]; longTasks: number[] } {
  const numbers = (v: unknown) => (Array.isArray(v) ? v.filter((n): n is number => typeof n === 'number') : []);
  const observer: unknown = Reflect.get(window, '__longTaskObserver');
  if (observer instanceof PerformanceObserver) observer.disconnect();
  const frames = numbers(Reflect.get(window, '__frameLog')).slice(1);
  const longTasks = numbers(Reflect.get(window, '__longTasks'));
  Reflect.set(window, '__frameLog', null);
  return { frames, longTasks };
}
