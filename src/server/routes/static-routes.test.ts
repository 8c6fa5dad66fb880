import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { precompressFile } from '../../../scripts/vite-precompress.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app.ts';
import { fakeUpstream, TEST_NOW, testConfig } from '../test-support.ts';

let dist: string;
const INDEX = '<!doctype html><div id="root"></div>';

beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'mixscope-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), INDEX);
  writeFileSync(join(dist, 'assets', 'index-AbC123.js'), 'console.log(1)');
  writeFileSync(join(dist, 'favicon.svg'), '<svg/>');
  writeFileSync(join(dist, '.env'), 'VOLC_SECRETKEY=leak');
  writeFileSync(join(dist, 'assets', 'big-XyZ789.js'), BIG);
  precompressFile(join(dist, 'assets', 'big-XyZ789.js'));
});
const BIG = `export const rows = [${Array.from({ length: 400 }, (_, i) => `{ id: ${i}, name: 'region ${i}' }`).join(', ')}];\n`;
afterAll(() => rmSync(dist, { recursive: true, force: true }));

function app(staticRoot: string | null = dist) {
  const upstream = fakeUpstream({ kind: 'bad-body', httpStatus: 200, message: 'unused' });
  return createApp({ config: testConfig(), upstream, clock: () => TEST_NOW, ...(staticRoot !== null ? { staticRoot } : {}) });
}

describe('serving the built SPA', () => {
  it.each(['/', '/task', '/inspect', '/watch', '/tasks', '/task/?x=1', '/Watch'])('%s falls back to index.html, revalidated', async (path) => {
    const res = await app().request(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(await res.text()).toBe(INDEX);
  });

  it.each(['/nope', '/task/deeper?x=1', '/watch/list', '/index', '/tasks/x'])('%s is no page of the app: 404 with index.html, whose router shows the not-found page', async (path) => {
    const res = await app().request(path);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('etag')).toBeNull();
    expect(await res.text()).toBe(INDEX);
  });

  it('serves hashed assets as immutable, other files revalidated', async () => {
    const asset = await app().request('/assets/index-AbC123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await asset.text()).toBe('console.log(1)');
    const icon = await app().request('/favicon.svg');
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.headers.get('cache-control')).toBe('no-cache');
  });

  it('answers 304 to a matching ETag', async () => {
    const first = await app().request('/');
    const etag = first.headers.get('etag') ?? '';
    expect(etag).toMatch(/^W\/"/);
    const again = await app().request('/', { headers: { 'If-None-Match': etag } });
    expect(again.status).toBe(304);
  });

  it('404s a missing file that has an extension instead of sending index.html', async () => {
    expect((await app().request('/assets/gone-123.js')).status).toBe(404);
  });

  it.each(['/.env', '/assets/..%2F.env', '/assets%2F..%2F.env', '/assets/%2e%2e%2f.env'])('never serves %s', async (path) => {
    const res = await app().request(path);
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('leak');
  });

  it('stays inside dist/ when the URL parser folds /%2e%2e/ away (index.html, not /etc/passwd)', async () => {
    const res = await app().request('/%2e%2e/%2e%2e/etc/passwd');
    expect(res.status).toBe(404);
    expect(await res.text()).toBe(INDEX);
  });

  it('answers HEAD with the headers and no body', async () => {
    const res = await app().request('/assets/index-AbC123.js', { method: 'HEAD' });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(await res.text()).toBe('');
  });

  it('sends the precompressed variant the browser accepts, brotli first', async () => {
    const path = '/assets/big-XyZ789.js';
    const br = await app().request(path, { headers: { 'Accept-Encoding': 'gzip, deflate, br' } });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(br.headers.get('vary')).toBe('Accept-Encoding');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(BIG.length / 4);
    expect(brotliDecompressSync(brBytes).toString()).toBe(BIG);

    const gz = await app().request(path, { headers: { 'Accept-Encoding': 'gzip' } });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).toString()).toBe(BIG);

    const plain = await app().request(path);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(await plain.text()).toBe(BIG);
    // Three bodies, three ETags: a cache never answers one encoding's 304 for another.
    expect(new Set([br, gz, plain].map((r) => r.headers.get('etag'))).size).toBe(3);
  });

  it('sends the file as it is when no variant was built or the browser refuses them', async () => {
    const small = await app().request('/assets/index-AbC123.js', { headers: { 'Accept-Encoding': 'br, gzip' } });
    expect(small.headers.get('content-encoding')).toBeNull();
    expect(await small.text()).toBe('console.log(1)');
    const refused = await app().request('/assets/big-XyZ789.js', { headers: { 'Accept-Encoding': 'br;q=0, gzip;q=0' } });
    expect(refused.headers.get('content-encoding')).toBeNull();
    expect(await refused.text()).toBe(BIG);
  });

  it('sets the security headers on pages', async () => {
    const res = await app().request('/');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('DENY');
  });
});

describe('when dist/ is missing', () => {
  it.each([null, '/nonexistent-mixscope-dist'])('answers 503 telling to run npm run build (root %s)', async (root) => {
    const res = await app(root).request('/task');
    expect(res.status).toBe(503);
    expect(await res.text()).toContain('npm run build');
  });

  it('keeps the API working', async () => {
    expect((await app(null).request('/api/config')).status).toBe(200);
  });
});
