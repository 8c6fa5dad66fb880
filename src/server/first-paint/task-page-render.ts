import type { Context } from 'hono';
import { taskRefFromSearch } from '../../shared/task-ref.ts';
import { htmlLang, renderTaskPage } from '../../client/ssr/render-task-page.tsx';
import { requestLanguage, requestTheme, requestTimeDisplay, requestTimeZone, TIME_DISPLAY_COOKIE } from '../../shared/page-preferences.ts';
import type { UpstreamMode } from '../env.ts';
import type { Governor } from '../governor/governor.ts';
import type { Logger } from '../logger.ts';
import { SSR_MAX_TASK_SIZE, taskSize } from './ssr-size-limit.ts';
import { taskResponseOf } from '../routes/task-routes.ts';
import { AppIdNotAllowedError } from '../security/app-id-allow-list.ts';

/** A page rendered on the server: what goes inside #root, and the attributes of its <html>. */
export interface RenderedPage {
  html: string;
  lang: string;
  theme: 'light' | 'dark' | undefined;
}

/** The page a request opens, rendered, or undefined to send index.html as it is. */
export type PageRender = (c: Context, url: URL) => Promise<RenderedPage | undefined>;

/**
 * How long a /task link's HTML waits for the task's answer before going without it. The cache
 * or the embedded simulator answer in a few milliseconds; a slow upstream answer keeps going and
 * fills the cache for the page's own query (one upstream call either way), and the page renders
 * in the browser as before.
 */
export const RENDER_WAIT_MS = 250;

/** The promise's value, or undefined once `ms` have passed (the promise itself goes on). */
function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(undefined), ms);
    promise.then((value) => {
      clearTimeout(timer);
      resolve(value);
    }, (err: unknown) => {
      clearTimeout(timer);
      reject(err instanceof Error ? err : new Error(String(err)));
    });
  });
}

/**
 * A /task link's page rendered on the server (link opened to layout drawn), from the
 * governor at interactive priority like GET /api/task, behind the same token check. Only a task
 * Volcengine returned is rendered: a bad link, an error, a slow answer or a task too large to
 * render without stalling the server (ssr-size-limit.ts) leave the page to the browser, which
 * shows them as it always has.
 */
export function taskPageRender({ governor, source, logger, waitMs = RENDER_WAIT_MS, taskNow }: { governor: Pick<Governor, 'get'>; source: UpstreamMode; logger: Logger; waitMs?: number; taskNow?: () => number }): PageRender {
  return async (c, url) => {
    if (url.pathname !== '/task') return undefined;
    const parsed = taskRefFromSearch(url.search);
    if (!parsed.ok) return undefined;
    // A refused AppId is left to the browser like any failure: the page's own query shows the 403.
    const asked = governor.get(parsed.ref, { priority: 'interactive', signal: c.req.raw.signal }).catch((err: unknown) => {
      if (err instanceof AppIdNotAllowedError) return undefined;
      throw err;
    });
    const result = await within(asked, waitMs);
    if (result?.outcome.kind !== 'ok') return undefined;
    // Rendering is synchronous: a very large task would hold every other request meanwhile.
    if (taskSize(result.outcome.task) > SSR_MAX_TASK_SIZE) return undefined;
    const cookie = c.req.header('cookie');
    const language = requestLanguage(cookie, c.req.header('accept-language'));
    try {
      const display = requestTimeDisplay(cookie);
      const html = renderTaskPage({
        search: url.search, response: taskResponseOf(parsed.ref, result.outcome, source, taskNow?.()), language,
        timeZone: requestTimeZone(cookie), settings: new Map(display ? [[TIME_DISPLAY_COOKIE, display]] : []),
      });
      return { html, lang: htmlLang(language), theme: requestTheme(cookie) };
    } catch (err) {
      logger.error({ err: { name: (err as Error).name, message: (err as Error).message } }, 'could not render the task page; the browser renders it');
      return undefined;
    }
  };
}
