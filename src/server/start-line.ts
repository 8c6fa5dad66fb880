/**
 * The one line a person reads when the server starts: where it is, what it asks, where it keeps
 * its data. Names the upstream truly: the embedded simulator is not Volcengine.
 */
export interface StartFacts {
  url: string;
  upstream: { kind: 'simulator'; demoTasks: number } | { kind: 'volcengine'; host: string; region: string };
  dataDir: string;
}

export function startLine({ url, upstream, dataDir }: StartFacts): string {
  const source = upstream.kind === 'simulator'
    ? `the embedded simulator with ${upstream.demoTasks} demo ${upstream.demoTasks === 1 ? 'task' : 'tasks'}`
    : `Volcengine at ${upstream.host} (${upstream.region})`;
  return `mixscope on ${url} · ${source} · data in ${dataDir}`;
}
