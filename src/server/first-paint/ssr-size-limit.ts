/**
 * How big a task the server renders into a /task link's page. renderToString holds the event
 * loop for the whole render, and its cost grows with the regions the page draws and lists; above
 * this size the page is left to the browser, as for a slow answer, so one large task cannot stall
 * every other request. Chosen from bench/ssr-render.bench.ts with room for a slower machine (the
 * figures are in bench/results.md); Volcengine's own layouts stop at a few dozen regions.
 */
export const SSR_MAX_TASK_SIZE = 500;

const lengthOf = (value: unknown): number => (Array.isArray(value) ? value.length : 0);
const field = (value: unknown, key: string): unknown => (value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined);

/**
 * The most regions the page can draw for a task, read from the raw answer without parsing it:
 * its custom Regions, or in a template layout one per target stream.
 */
export function taskSize(task: unknown): number {
  return Math.max(lengthOf(field(field(field(task, 'Layout'), 'CustomLayout'), 'Regions')), lengthOf(field(field(task, 'TargetStreams'), 'StreamList')));
}
