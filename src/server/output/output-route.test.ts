import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FlvDemuxer } from '../../shared/media/flv-demuxer.ts';
import { avcConfigBody, avcNaluBody, flvHeader, flvTag } from '../../shared/media/flv-writer.ts';
import { volcSeiMessage, writeSei } from '../../shared/media/h264-sei.ts';
import { writePps, writeSps } from '../../shared/media/h264-sps.ts';
import { ApiErrorBodySchema } from '../../shared/mixscope-api.ts';
import { OutputResponseSchema } from '../../shared/output-api.ts';
import { outputFrames } from '../../simulator/output-stream.ts';
import { createApp } from '../app.ts';
import { fakeUpstream, testConfig, TEST_NOW } from '../test-support.ts';
import { createOutputPuller } from './output-puller.ts';
import { pullUrlAllowed } from './pull-rules.ts';

const SEI_JSON = JSON.stringify({ canvas: { w: 640, h: 360, bgnd: '#000000' }, regions: [{ uid: 'ava', x: 0, y: 0, w: 320, h: 360, zorder: 0, alpha: 1, renderMode: 1 }] });
const good = outputFrames({ width: 640, height: 360, fps: 10, gopSeconds: 1, bitrateKbps: 200, seiJson: SEI_JSON, seiPayloadType: 5 });
const goodBytes = Buffer.concat([good.start, ...Array.from({ length: 31 }, (_, i) => good.frame(i))]);

const sps = writeSps({ width: 640, height: 360, fps: 10, profileIdc: 100, levelIdc: 31 });
const config = flvTag(9, 0, avcConfigBody(sps, writePps()));
const idr = Uint8Array.from([0x65, 0x88, 0x80]);
const p = Uint8Array.from([0x41, 0x9a, 0x80]);
const frames = (units: (i: number) => Uint8Array[], key: (i: number) => boolean) =>
  Array.from({ length: 40 }, (_, i) => flvTag(9, i * 100, avcNaluBody(key(i), units(i))));
const video = (tags: Uint8Array[]) => Buffer.concat([flvHeader({ audio: false, video: true }), config, ...tags]);
const noSei = video(frames((i) => [i % 10 === 0 ? idr : p], (i) => i % 10 === 0));
const notJson = video(frames((i) => (i % 10 === 0 ? [writeSei(volcSeiMessage('{"canvas": oops')), idr] : [p]), (i) => i % 10 === 0));
const noKey = video(frames(() => [p], () => false));
const audioOnly = Buffer.concat([flvHeader({ audio: true, video: false }), ...Array.from({ length: 20 }, (_, i) => flvTag(8, i * 20, Uint8Array.from([0xaf, 1, 0, 0])))]);

const hits = new Map<string, number>();
let server: Server;
let base = '';

beforeAll(async () => {
  server = createServer((req, res) => {
    const path = (req.url ?? '').replace(/\?.*/, '');
    hits.set(path, (hits.get(path) ?? 0) + 1);
    const send = (body: Buffer) => res.writeHead(200, { 'Content-Type': 'video/x-flv' }).end(body);
    if (path === '/live/ok.flv') return send(goodBytes);
    if (path === '/no-sei.flv') return send(noSei);
    if (path === '/not-json.flv') return send(notJson);
    if (path === '/no-key.flv') return send(noKey);
    if (path === '/audio.flv') return send(audioOnly);
    if (path === '/page.flv') return res.writeHead(200, { 'Content-Type': 'text/html' }).end('<html>login</html>');
    if (path === '/500.flv') return res.writeHead(500).end('oops');
    if (path === '/away.flv') return res.writeHead(302, { Location: `http://localhost:${(server.address() as AddressInfo).port}/live/ok.flv` }).end();
    if (path === '/drip.flv') {
      res.writeHead(200, { 'Content-Type': 'video/x-flv' });
      const bytes = goodBytes.subarray(0, 200);
      let i = 0;
      const t = setInterval(() => (i < bytes.length ? res.write(bytes.subarray(i, ++i)) : undefined), 50);
      res.on('close', () => clearInterval(t));
      return undefined;
    }
    if (path === '/huge.flv') {
      res.writeHead(200, { 'Content-Type': 'video/x-flv' });
      res.write(audioOnly.subarray(0, 13));
      const tag = Buffer.from(flvTag(8, 0, new Uint8Array(4096)));
      const more = () => { while (res.write(tag)) { /* fill until the socket pushes back */ } };
      res.on('drain', more);
      more();
      return undefined;
    }
    return res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => {
  server.closeAllConnections();
  server.close(() => resolve());
}));

function app(declared: Record<string, unknown> = {}) {
  const port = new URL(base).port;
  const cfg = testConfig({ pullRules: [{ pushHost: 'push.test', template: `${base}/live/{stream}.flv`, pullHost: `127.0.0.1:${port}` }] });
  const upstream = fakeUpstream({ kind: 'ok', requestId: 'r', fetchedAt: TEST_NOW, task: { Status: 2, PushURL: 'rtmp://push.test/live/ok?secret=k', ...declared } });
  return createApp({ config: cfg, upstream, clock: () => TEST_NOW });
}
const REF = 'appId=a&roomId=r&taskId=t';
const ask = (pullUrl?: string) => app().request(`/api/task/output?${REF}${pullUrl === undefined ? '' : `&pullUrl=${encodeURIComponent(pullUrl)}`}`);

async function failure(pullUrl: string) {
  const res = await ask(pullUrl);
  const body = ApiErrorBodySchema.parse(await res.json());
  expect(JSON.stringify(body)).not.toContain(pullUrl);
  return { status: res.status, ...body.error.output, message: body.error.message };
}

describe('GET /api/task/output', () => {
  it('reads the applied layout and the stream facts through the pull rule', async () => {
    const res = await ask();
    expect(res.status).toBe(200);
    const body = OutputResponseSchema.parse(await res.json());
    expect(body.pullHost).toBe(new URL(base).host);
    expect(body.pullUrlFrom).toBe('rule');
    expect(body.applied.rawJson).toBe(SEI_JSON);
    expect(body.applied.regions).toEqual([{ userId: 'ava', x: 0, y: 0, width: 320, height: 360, zOrder: 0, alpha: 1, renderMode: 1 }]);
    expect(body.stream).toMatchObject({ width: 640, height: 360, fps: 10, gopFrames: 10, gopSeconds: 1, profile: { idc: 66, name: 'Baseline' } });
    expect(body.stream.bitrateKbps).toBeGreaterThan(150);
    expect(body.stream.bitrateKbps).toBeLessThan(250);
  });

  it('compares what the task declares with what the output shows', async () => {
    /** The layout and Encode the served stream follows (the SEI_JSON above, at 10 fps, a keyframe a second). */
    const declared = (fps: number) => ({
      TargetStreams: { StreamList: [{ UserId: 'ava', Index: 0 }] },
      Encode: { VideoFps: fps, VideoGop: 1, VideoBitrate: 200 },
      Layout: { LayoutMode: 2, CustomLayout: { Canvas: { Width: 640, Height: 360 }, Regions: [{ StreamIndex: 0, LocationX: 0, LocationY: 0, WidthProportion: 0.5, HeightProportion: 1, RenderMode: 1 }] } },
    });
    const read = async (fps: number) => OutputResponseSchema.parse(await (await app(declared(fps)).request(`/api/task/output?${REF}`)).json()).comparison;
    expect(await read(10)).toEqual({ tolerancePx: 2, warnings: [] });
    const slower = await read(30);
    expect(slower.warnings.map((w) => [w.code, w.message.split('.')[0]])).toEqual([['streamFrameRate', 'Encode asks 30 fps, the stream runs at 10']]);
  });

  it.each([
    ['/page.flv', 502, 'not-flv'],
    ['/audio.flv', 502, 'no-video'],
    ['/no-sei.flv', 502, 'no-sei'],
    ['/not-json.flv', 502, 'sei-not-json'],
    ['/no-key.flv', 502, 'no-keyframe'],
    ['/500.flv', 502, 'cdn-http-error'],
  ])('says what is wrong with %s', async (path, status, reason) => {
    expect(await failure(`${base}${path}?auth=secret`)).toMatchObject({ status, reason });
  });

  it('refuses a redirect to another host and never fetches it', async () => {
    hits.clear();
    expect(await failure(`${base}/away.flv`)).toMatchObject({ status: 502, reason: 'redirect-refused' });
    expect(hits.get('/away.flv')).toBe(1);
    expect(hits.get('/live/ok.flv')).toBeUndefined();
  });

  it('refuses a host that is not allowed with nothing fetched, and says how to allow it', async () => {
    hits.clear();
    const port = new URL(base).port;
    for (const url of [`http://localhost:${port}/live/ok.flv`, `http://127.0.0.1:1/live/ok.flv`, `file:///etc/passwd`, `http://u:p@127.0.0.1:${port}/live/ok.flv`]) {
      const f = await failure(url);
      expect(f).toMatchObject({ status: 403, reason: 'pull-host-not-allowed' });
      expect(f.message).toContain('MIXSCOPE_PULL_HOSTS');
    }
    expect(hits.size).toBe(0);
  });

  it('says how to add a rule when the push host has none', async () => {
    const upstream = fakeUpstream({ kind: 'ok', requestId: 'r', fetchedAt: TEST_NOW, task: { Status: 2, PushURL: 'rtmp://other.example/live/k' } });
    const res = await createApp({ config: testConfig(), upstream, clock: () => TEST_NOW }).request(`/api/task/output?${REF}`);
    expect(res.status).toBe(404);
    const body = ApiErrorBodySchema.parse(await res.json());
    expect(body.error.output?.reason).toBe('no-pull-rule');
    expect(body.error.message).toContain('MIXSCOPE_PULL_RULES');
  });
});

describe('output puller caps', () => {
  const allowed = (url: URL) => pullUrlAllowed(url, [], [new URL(base).host]);

  it('gives up on a slow drip at the time cap', async () => {
    const puller = createOutputPuller({ fetch: (r) => fetch(r), allowed, timeoutMs: 500 });
    expect(await puller.read('k', new URL(`${base}/drip.flv`))).toMatchObject({ ok: false, reason: 'timeout' });
  });

  it('stops at the byte cap', async () => {
    const puller = createOutputPuller({ fetch: (r) => fetch(r), allowed, maxBytes: 256 * 1024 });
    const read = await puller.read('k', new URL(`${base}/huge.flv`));
    expect(read).toMatchObject({ ok: false, reason: 'too-large' });
    expect(read.bytesRead).toBeLessThan(512 * 1024);
  });

  it('shares one read among concurrent askers', async () => {
    hits.clear();
    const puller = createOutputPuller({ fetch: (r) => fetch(r), allowed });
    const url = new URL(`${base}/live/ok.flv`);
    const reads = await Promise.all([puller.read('k', url), puller.read('k', url), puller.read('k', url)]);
    expect(reads.every((r) => r.ok)).toBe(true);
    expect(hits.get('/live/ok.flv')).toBe(1);
  });
});

describe('GET /api/task/output/stream', () => {
  const stream = (pullUrl?: string) => app().request(`/api/task/output/stream?${REF}${pullUrl === undefined ? '' : `&pullUrl=${encodeURIComponent(pullUrl)}`}`);

  it('relays the output through the pull rule as FLV', async () => {
    const res = await stream();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/x-flv');
    const events = new FlvDemuxer().push(new Uint8Array(await res.arrayBuffer()));
    // The player starts at the configuration and a keyframe (however the bytes were split on the way), and gets to the last frame.
    const shown = events.map((e) => (e.kind === 'header' ? 'header' : e.tag.data[1] === 0 ? 'config' : `${e.tag.data[0] === 0x17 ? 'key' : 'frame'}@${e.tag.timestamp}`));
    expect(shown.slice(0, 3)).toEqual(['header', 'config', expect.stringMatching(/^key@/)]);
    expect(shown.at(-1)).toBe('key@3000');
  });

  it('refuses a host that is not allowed with nothing fetched, and says what is wrong with a bad stream', async () => {
    hits.clear();
    const refused = await stream(`http://localhost:${new URL(base).port}/live/ok.flv`);
    expect(refused.status).toBe(403);
    expect(ApiErrorBodySchema.parse(await refused.json()).error.output?.reason).toBe('pull-host-not-allowed');
    expect(hits.size).toBe(0);
    const page = await stream(`${base}/page.flv?auth=secret`);
    const body = await page.text();
    expect(page.status).toBe(502);
    expect(ApiErrorBodySchema.parse(JSON.parse(body)).error.output?.reason).toBe('not-flv');
    expect(body).not.toContain('secret');
  });
});
