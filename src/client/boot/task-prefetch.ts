import type { QueryClient } from '@tanstack/react-query';
import { taskRefFromSearch } from '../../shared/task-ref.ts';
import { taskQueries } from '../features/task/task-queries.ts';

/**
 * A /task link asks for its task as soon as the app starts, before the first render rather than
 * after it. The answer goes into the query cache, where the page's query finds it, or finds the
 * request in flight: one request, not two. Settles when the answer is in (or has failed);
 * undefined for a link that does not parse, which shows the form and asks nothing.
 */
export function prefetchTask(queryClient: QueryClient, search: string): Promise<void> | undefined {
  const parsed = taskRefFromSearch(search);
  return parsed.ok ? queryClient.prefetchQuery(taskQueries.detail(parsed.ref)) : undefined;
}
