import { Hono } from 'hono';
import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sendRenderedPage } from './rendered-page.ts';

const INDEX = '<!doctype html>\n<html lang="en">\n<head></head><body><div id="root"></div></body></html>';
const PAGE = { html: '<p>the task</p>', lang: 'en', theme: undefined };

const appSending = (index: string) => new Hono().get('/', (c) => sendRenderedPage(c, index, PAGE));

describe('sendRenderedPage', () => {
  it('sends index.html with the page in it, never to be cached, varying with the encoding asked for', async () => {
    const res = await appSending(INDEX).request('/', { headers: { 'accept-encoding': 'identity' } });
    expect(res.headers.get('cache-control')).toBe('no-store');
    expect(res.headers.get('vary')).toBe('Accept-Encoding');
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toContain('<div id="root"><div data-server-page="" inert><p>the task</p></div></div>');
  });

  it('gzips it for a browser that takes gzip', async () => {
    const res = await appSending(INDEX).request('/', { headers: { 'accept-encoding': 'gzip, br' } });
    expect(res.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await res.arrayBuffer())).toString('utf8')).toContain('<p>the task</p>');
  });

  it('sends an index.html it cannot place the page in as it is', async () => {
    const index = '<!doctype html><html><body><main></main></body></html>';
    const res = await appSending(index).request('/', { headers: { 'accept-encoding': 'gzip' } });
    expect(res.headers.get('cache-control')).toBeNull();
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(await res.text()).toBe(index);
  });
});
