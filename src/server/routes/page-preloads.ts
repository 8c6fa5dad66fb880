import { taskApiPath } from '../../shared/mixscope-api.ts';
import { taskRefFromSearch } from '../../shared/task-ref.ts';

/**
 * What a page will ask for first, named in the page's own response so the browser asks at once,
 * while the page's code is still loading (a /task link opened from an alert). A /task
 * link whose IDs pass the same checks as the page's form names its task query; anything else
 * names nothing, and a link that does not parse sends nothing upstream, as before. The page's
 * query (fetch with the same URL, mode and credentials) takes the preloaded answer: one request.
 */
export function pagePreloads(url: URL): string[] {
  if (url.pathname !== '/task') return [];
  const parsed = taskRefFromSearch(url.search);
  return parsed.ok ? [taskApiPath(parsed.ref)] : [];
}

/**
 * An HTTP Link header preloading each path as a same-origin fetch. The paths come from
 * taskApiPath (IDs limited to [a-zA-Z0-9_@.-], URL-encoded), so none can hold `>`, `,` or `;`;
 * one that did (or that named another origin) would be left out rather than break the header.
 */
export function preloadLinkHeader(paths: readonly string[]): string | undefined {
  // A path of this origin: one slash, not two ("//host" is another origin, and so is "/\\host").
  const safe = paths.filter((p) => /^\/(?![/\\])/.test(p) && !/[<>,;\s"\\]/.test(p));
  return safe.length === 0 ? undefined : safe.map((p) => `<${p}>; rel=preload; as=fetch; crossorigin`).join(', ');
}
