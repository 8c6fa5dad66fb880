import { DemoGallery } from '../features/demo/demo-gallery.tsx';
import { HomePage } from '../features/query/home-page.tsx';
import { WatchSummary } from '../features/watch/watch-summary.tsx';
import { watchFormAction } from './query-form-composed.tsx';

const parts = { formAction: watchFormAction, watchSummary: <WatchSummary />, gallery: <DemoGallery /> };

/** The home page: the query form, the watch list's summary or what mixscope can do, the demo gallery. */
export function ComposedHomePage() {
  return <HomePage parts={parts} />;
}
