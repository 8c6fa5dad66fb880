import type { QueryClient } from '@tanstack/react-query';
import { preloadPage } from '../app.tsx';
import { prefetchTask } from './task-prefetch.ts';

/**
 * How long the first render waits for a /task link's task. The page the server rendered stays on
 * the screen meanwhile; rendering before the answer is in would replace its picture with the
 * loading state for a frame. A slow answer is not waited for.
 */
const FIRST_TASK_WAIT_MS = 100;

/**
 * Settles when the browser's first render can show the page: the page's own chunk is in (pages
 * load on demand) and, for a /task link, its task is in the query cache or has taken longer than
 * FIRST_TASK_WAIT_MS. Started before i18n sets up, so both load meanwhile.
 */
export function readyForFirstRender(queryClient: QueryClient, { pathname, search }: { pathname: string; search: string }): Promise<void> {
  const page = preloadPage(pathname).catch(() => undefined);
  const task = pathname === '/task' ? prefetchTask(queryClient, search) : undefined;
  const taskOrTimeout = task ? Promise.race([task, new Promise<void>((resolve) => setTimeout(resolve, FIRST_TASK_WAIT_MS))]) : undefined;
  return Promise.all([page, taskOrTimeout]).then(() => undefined);
}
