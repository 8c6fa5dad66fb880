import { QueryClient } from '@tanstack/react-query';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { readyForFirstRender } from './first-render.ts';
import { taskQueries } from '../features/task/task-queries.ts';

const REF = { appId: 'demo-app', roomId: 'class-math-101', taskId: 'class-mix', version: '2020-12-01' } as const;
const TASK_LINK = { pathname: '/task', search: '?appId=demo-app&roomId=class-math-101&taskId=class-mix' };
const BODY = { ref: REF, fetchedAt: 1, source: 'simulator', requestId: 'r1', task: { Status: 2, PushStreamState: 5 } };

afterEach(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
});

describe('readyForFirstRender', () => {
  it('waits for a /task link\'s task, so the first render has it in the cache', async () => {
    let answer: (r: Response) => void = () => undefined;
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>((resolve) => (answer = resolve))));
    const client = new QueryClient();
    // What the cache holds at the moment the first render may start.
    const ready = readyForFirstRender(client, TASK_LINK).then(() => client.getQueryData(taskQueries.detail(REF).queryKey));
    await new Promise((resolve) => setTimeout(resolve, 0));
    answer(new Response(JSON.stringify(BODY), { status: 200 }));
    expect((await ready)?.response.requestId).toBe('r1');
  });

  it('does not wait long for an answer that does not come', async () => {
    vi.useFakeTimers();
    vi.stubGlobal('fetch', vi.fn(() => new Promise<Response>(() => undefined)));
    const client = new QueryClient();
    let settled = false;
    const ready = readyForFirstRender(client, TASK_LINK).then(() => (settled = true));
    await vi.runAllTimersAsync();
    await ready;
    expect(settled).toBe(true);
    expect(client.getQueryData(taskQueries.detail(REF).queryKey)).toBeUndefined();
  });

  it('asks nothing on another page, even with a task\'s IDs in its query', async () => {
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    await readyForFirstRender(new QueryClient(), { pathname: '/watch', search: TASK_LINK.search });
    expect(fetch).not.toHaveBeenCalled();
  });
});
