import { apiPaths } from '../../../shared/mixscope-api.ts';
import { taskRefFromSearch, taskRefToSearch, type TaskRef } from '../../../shared/task-ref.ts';
import { prefetchGet } from '../../lib/api-client.ts';

/** The one URL a task is asked by: the query and the early request must agree to the byte. */
export const taskPath = (ref: TaskRef): string => `${apiPaths.task}?${taskRefToSearch(ref)}`;

/**
 * A /task link: asks for the task as soon as the app starts, while the page's code is still
 * loading, so the answer is there (or nearly) when the task query first runs (issue 8: link
 * opened to layout drawn). With Volcengine upstream that overlaps a real round trip. A link that
 * does not parse asks nothing: the page shows the form.
 */
export function prefetchTask(search: string): void {
  const parsed = taskRefFromSearch(search);
  if (parsed.ok) prefetchGet(taskPath(parsed.ref));
}
