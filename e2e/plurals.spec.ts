import { test, expect } from './fixtures/test.ts';
import { OfflineInspectorPage } from './pages/offline-inspector.ts';

// A count picks its word by the language's plural rules: one stream, two streams, never "stream(s)".

const body = (users: string[]) => ({
  AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', PushURL: 'rtmp://push.example.com/live/key',
  TargetStreams: { StreamList: users.map((UserId, Index) => ({ UserId, Index })) },
  Layout: { LayoutMode: 1 },
});

test('a template layout counts one stream and two streams in the right form', async ({ page }) => {
  const inspector = new OfflineInspectorPage(page);
  await inspector.open();
  const warning = page.locator('li[data-code="approximateLayout"]');
  await inspector.paste(JSON.stringify(body(['host'])));
  await expect(warning).toContainText('an approximation for 1 stream, not the exact picture');
  await expect(page.getByTestId('layout-canvas')).toHaveAttribute('aria-label', / with 1 region\. /);

  await inspector.paste(JSON.stringify(body(['host', 'guest'])));
  await expect(warning).toContainText('an approximation for 2 streams, not the exact picture');
  await expect(page.getByTestId('layout-canvas')).toHaveAttribute('aria-label', / with 2 regions\. /);
  await expect(page.getByText('(s)')).toHaveCount(0);
});
