import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pagePreloads, preloadLinkHeader } from './page-preloads.ts';
import { taskApiPath } from '../../shared/mixscope-api.ts';
import { taskRefFromSearch } from '../../shared/task-ref.ts';

const url = (path: string) => new URL(path, 'http://127.0.0.1:8080');

describe('pagePreloads', () => {
  it('names the task query of a /task link, as the page asks for it', () => {
    const path = '/task?appId=demo-app&roomId=class-math-101&taskId=class-mix';
    const ref = taskRefFromSearch(url(path).search);
    if (!ref.ok) throw new Error('the link should parse');
    expect(pagePreloads(url(path))).toEqual([taskApiPath(ref.ref)]);
    expect(pagePreloads(url(path))).toEqual(['/api/task?appId=demo-app&roomId=class-math-101&taskId=class-mix']);
  });

  it('keeps the API version and the client-task IDs of the link', () => {
    expect(pagePreloads(url('/task?appId=A&roomId=R&userId=u1&taskId=u1%40%40t1&version=2023-11-01')))
      .toEqual(['/api/task?appId=A&roomId=R&taskId=u1%40%40t1&userId=u1&version=2023-11-01']);
  });

  it('names nothing for a link the form would refuse, or for another page', () => {
    expect(pagePreloads(url('/task?appId=A&roomId=R'))).toEqual([]);
    expect(pagePreloads(url('/task?appId=A&roomId=R%3Cb%3E&taskId=T'))).toEqual([]);
    expect(pagePreloads(url('/task?appId=A&roomId=R&taskId=T&version=1999-01-01'))).toEqual([]);
    expect(pagePreloads(url('/inspect?appId=A&roomId=R&taskId=T'))).toEqual([]);
    expect(pagePreloads(url('/'))).toEqual([]);
  });

  it('never names anything but a same-origin path, whatever the query (property)', () => {
    fc.assert(fc.property(fc.string(), fc.string(), fc.string(), (appId, roomId, taskId) => {
      const q = new URLSearchParams({ appId, roomId, taskId });
      for (const p of pagePreloads(url(`/task?${q}`))) {
        expect(p.startsWith('/api/task?')).toBe(true);
        expect(p).not.toMatch(/[<>,;\s"]/);
      }
    }));
  });
});

describe('preloadLinkHeader', () => {
  it('preloads each path as a same-origin fetch', () => {
    expect(preloadLinkHeader(['/api/task?appId=A'])).toBe('</api/task?appId=A>; rel=preload; as=fetch; crossorigin');
    expect(preloadLinkHeader(['/a', '/b'])).toBe('</a>; rel=preload; as=fetch; crossorigin, </b>; rel=preload; as=fetch; crossorigin');
  });

  it('leaves out what could break the header or leave the origin, and gives no header for nothing', () => {
    expect(preloadLinkHeader([])).toBeUndefined();
    expect(preloadLinkHeader(['/a>; rel=stylesheet', 'https://elsewhere.example/x', '//elsewhere.example/x', '/\\elsewhere.example/x', '/a b'])).toBeUndefined();
    expect(preloadLinkHeader(['/ok', '/a,b'])).toBe('</ok>; rel=preload; as=fetch; crossorigin');
  });
});
