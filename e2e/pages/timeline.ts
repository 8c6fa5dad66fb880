import type { APIRequestContext, Locator, Page } from '@playwright/test';
import { HistoryResponseSchema, WatchResponseSchema, type HistoryResponse } from '../../src/shared/history-api.ts';
import type { TaskRef } from '../../src/shared/task-ref.ts';
import { taskRefToSearch } from '../../src/shared/task-ref.ts';

export type LaneId = 'status' | 'push';

/** The task page's cause banner and lifecycle timeline, read the way a person (or a screen reader) does. */
export class TimelinePanel {
  readonly page: Page;
  readonly root: Locator;
  readonly chart: Locator;
  readonly details: Locator;
  readonly markerDetail: Locator;
  readonly causeBanner: Locator;
  readonly announcer: Locator;
  readonly unwatchedNote: Locator;

  constructor(page: Page) {
    this.page = page;
    this.root = page.getByTestId('timeline');
    this.chart = page.getByTestId('timeline-chart');
    this.details = page.getByTestId('timeline-details');
    this.markerDetail = page.getByTestId('marker-detail');
    this.causeBanner = page.getByTestId('cause-banner');
    this.announcer = page.getByTestId('status-announcer');
    this.unwatchedNote = page.getByTestId('unwatched-note');
  }

  async open(ref: TaskRef): Promise<void> {
    await this.page.goto(`/task?${taskRefToSearch(ref)}`);
  }

  /** Drawn spans of a lane; `kind` state/unknown/mixed, `value` a Status or PushStreamState. */
  spans(lane: LaneId, filter: { kind?: 'state' | 'unknown' | 'mixed'; value?: number; reason?: string } = {}): Locator {
    const parts = [
      filter.kind ? `[data-kind="${filter.kind}"]` : '[data-kind]',
      filter.value !== undefined ? `[data-value="${filter.value}"]` : '',
      filter.reason ? `[data-reason="${filter.reason}"]` : '',
    ];
    return this.root.locator(`g[data-lane="${lane}"] > g${parts.join('')}`);
  }

  /** Observed change markers; `field` narrows to changes of layout, encode, control, streams or other. */
  markers(field?: string): Locator {
    const all = this.root.locator('[data-testid="change-marker"][data-origin="observed"]');
    return field ? all.and(this.root.locator(`[data-fields*="${field}"]`)) : all;
  }

  /** Change markers of the simulator's demo history. */
  demoMarkers(field?: string): Locator {
    const all = this.root.locator('[data-testid="change-marker"][data-origin="demo"]');
    return field ? all.and(this.root.locator(`[data-fields*="${field}"]`)) : all;
  }

  /** Spans of the simulator's demo history; `value` a Status or PushStreamState. */
  demoSpans(lane: LaneId, value?: number): Locator {
    return this.root.locator(`[data-testid="demo-span"][data-lane="${lane}"]${value === undefined ? '' : `[data-value="${value}"]`}`);
  }

  /** Status time drawn as inferred from the task's StartTime and EndTime. */
  inferred(): Locator {
    return this.root.getByTestId('inferred-span');
  }

  /** The plot's visible x range in the chart's own pixels, after the row-label gutter. */
  async plotBox(): Promise<{ left: number; right: number }> {
    return this.chart.locator('svg').evaluate((svg) => {
      const plot = svg.querySelector('g[clip-path]');
      const clip = svg.querySelector('clipPath rect');
      const left = Number(plot?.getAttribute('transform')?.match(/translate\((\d+)/)?.[1] ?? 0);
      return { left, right: left + Number(clip?.getAttribute('width') ?? 0) - 20 };
    });
  }

  guide(kind: 'start' | 'now' | 'end' | 'limit' | 'selected'): Locator {
    return this.root.locator(`[data-guide="${kind}"]`);
  }

  /**
   * Walks a lane with the keyboard, as a person would, until the details describe a span that
   * matches; false when the lane ends first.
   */
  async walkTo(lane: LaneId, match: RegExp, maxSteps = 300): Promise<boolean> {
    await this.chart.focus();
    // Up twice lands on the status lane from wherever the focus was; the push lane is one down.
    await this.page.keyboard.press('ArrowUp');
    await this.page.keyboard.press('ArrowUp');
    if (lane === 'push') await this.page.keyboard.press('ArrowDown');
    await this.page.keyboard.press('Home');
    let last = '';
    for (let i = 0; i < maxSteps; i++) {
      const text = await this.details.innerText();
      if (match.test(text)) return true;
      if (i > 0 && text === last) return false; // the end of the lane
      last = text;
      await this.page.keyboard.press('ArrowRight');
    }
    return false;
  }

  /** Region rows of the layout shown for the selected change. */
  markerRegionRows(): Locator {
    return this.markerDetail.getByTestId('marker-layout').getByTestId('region-table').locator('tbody tr');
  }

  /** The values drawn in a lane, in time order, with repeats folded: [1, 2] is "not started, then running". */
  async laneValues(lane: LaneId): Promise<number[]> {
    const values = await this.spans(lane, { kind: 'state' }).evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-value'))));
    return values.filter((v, i) => i === 0 || values[i - 1] !== v);
  }

  static async history(request: APIRequestContext, base: string, ref: TaskRef): Promise<HistoryResponse> {
    const res = await request.get(`${base}/api/history?${taskRefToSearch(ref)}&limit=50000`);
    if (!res.ok()) throw new Error(`/api/history answered ${res.status()}`);
    return HistoryResponseSchema.parse(await res.json());
  }

  static async watch(request: APIRequestContext, base: string, ref: TaskRef): Promise<void> {
    const res = await request.post(`${base}/api/watch`, { data: ref });
    WatchResponseSchema.parse(await res.json());
  }
}
