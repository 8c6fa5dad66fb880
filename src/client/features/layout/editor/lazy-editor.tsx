import { deferred } from '../../../lib/deferred.tsx';

/**
 * The what-if editor and its strings (the request rules' are the offline inspector's) load when
 * "Edit a copy" is pressed: none of it is in the first page's JavaScript.
 */
export const EditorViewLazy = deferred(
  () => import('../editor-view.tsx').then((m) => m.EditorView),
  ['editor', 'offline'],
  () => <div role="status" aria-busy="true" className="fixed inset-0 z-50 bg-slate-50/60 dark:bg-slate-950/60" />,
);
