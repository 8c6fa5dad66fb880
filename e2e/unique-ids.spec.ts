import type { Page } from '@playwright/test';
import { test, expect } from './fixtures/test.ts';
import { findDemoScenario } from '../src/shared/demo-scenarios.ts';
import { TimelinePanel } from './pages/timeline.ts';

// A label points at its heading by id: when a past layout (a timeline marker's) is drawn beside
// the current one, each must keep ids of its own, or both sections read the first one's title.

/** Ids found on more than one element of the document. */
function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of document.querySelectorAll('[id]')) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id, n]) => `${id} ×${n}`);
  });
}

test('a past layout opened from the timeline keeps its ids apart from the current layout', async ({ page, request, baseURL }) => {
  const scenario = findDemoScenario('pk-battle');
  if (!scenario || !baseURL) throw new Error('no pk-battle scenario or base URL');
  await TimelinePanel.watch(request, baseURL, scenario.ref);
  const tl = new TimelinePanel(page);
  await tl.open(scenario.ref);
  await expect(page.getByTestId('layout-section')).toHaveCount(1);
  // The first observation is a marker of its own: the layout as first seen.
  await expect(tl.markers().first()).toBeAttached({ timeout: 15_000 });
  await tl.markers().first().click({ force: true });
  await expect(tl.markerDetail.getByTestId('layout-section')).toBeVisible();
  await expect(page.getByTestId('layout-section')).toHaveCount(2);
  await expect(tl.markerDetail.getByTestId('layout-overview')).toBeVisible();
  expect(await duplicateIds(page)).toEqual([]);

  // Each section is named by its own heading.
  for (const section of await page.getByTestId('layout-section').all()) {
    const named = await section.evaluate((el) => document.getElementById(el.getAttribute('aria-labelledby') ?? '')?.closest('[data-testid="layout-section"]') === el);
    expect(named).toBe(true);
  }
});
