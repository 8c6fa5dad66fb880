import { describe, expect, it } from 'vitest';
import { FlvDemuxer, type FlvTag } from '../../shared/media/flv-demuxer.ts';
import { outputFrames } from '../../simulator/output-stream.ts';
import { createOutputRelay, type OutputRelayOptions } from './output-relay.ts';

const SEI = JSON.stringify({ canvas: { w: 320, h: 180 }, regions: [] });
const frames = outputFrames({ width: 320, height: 180, fps: 10, gopSeconds: 1, bitrateKbps: 100, seiJson: SEI, seiPayloadType: 5 });

/** An upstream whose bytes the test pushes by hand; counts requests and sees cancellation. */
function upstream() {
  const requests: string[] = [];
  const controllers: ReadableStreamDefaultController<Uint8Array>[] = [];
  let cancelled = 0;
  const fetch = async (req: Request) => {
    requests.push(req.url);
    const body = new ReadableStream<Uint8Array>({
      start: (c) => {
        controllers.push(c);
        // As fetch does: aborting the request errors its body.
        req.signal.addEventListener('abort', () => {
          cancelled += 1;
          c.error(req.signal.reason);
        }, { once: true });
      },
      cancel: () => void (cancelled += 1),
    });
    return new Response(body, { headers: { 'Content-Type': 'video/x-flv' } });
  };
  return {
    fetch, requests,
    get cancelled() {
      return cancelled;
    },
    push: (bytes: Uint8Array) => controllers.forEach((c) => c.enqueue(bytes)),
  };
}

const URL_OK = new URL('http://pull.test/live/a.flv');
const allowAll = () => true;
const relayWith = (fetch: OutputRelayOptions['fetch'], over: Partial<OutputRelayOptions> = {}) => createOutputRelay({ fetch, allowed: allowAll, ...over });

/** Reads a viewer's body until `count` tags came out, returning them. */
async function readTags(body: ReadableStream<Uint8Array>, count: number): Promise<{ tags: FlvTag[]; reader: ReadableStreamDefaultReader<Uint8Array> }> {
  const reader = body.getReader();
  const demuxer = new FlvDemuxer();
  const tags: FlvTag[] = [];
  let header = false;
  while (tags.length < count) {
    const { done, value } = await reader.read();
    if (done) break;
    for (const e of demuxer.push(value)) {
      if (e.kind === 'header') header = true;
      else tags.push(e.tag);
    }
  }
  expect(header).toBe(true);
  return { tags, reader };
}

const isKey = (t: FlvTag) => t.type === 9 && (t.data[0] ?? 0) >> 4 === 1 && t.data[1] === 1;
const isConfig = (t: FlvTag) => t.type === 9 && t.data[1] === 0;

describe('the output relay', () => {
  it('shares one pull between viewers and starts a late joiner at the configuration and the last keyframe', async () => {
    const up = upstream();
    const relay = relayWith(up.fetch);
    const abort = new AbortController();
    const first = relay.open('task', URL_OK, abort.signal);
    await Promise.resolve();
    up.push(frames.start);
    const a = await first;
    if (!a.ok) throw new Error(a.message);
    // Past the first GOP (10 frames) into the second.
    for (let i = 0; i < 13; i += 1) up.push(frames.frame(i));
    const firstTags = await readTags(a.body, 14);
    expect(firstTags.tags.filter(isKey).map((t) => t.timestamp)).toEqual([0, 1000]);

    const b = await relay.open('task', URL_OK, new AbortController().signal);
    if (!b.ok) throw new Error(b.message);
    up.push(frames.frame(13));
    const late = await readTags(b.body, 5);
    expect(late.tags.map((t) => (isConfig(t) ? 'config' : isKey(t) ? `key@${t.timestamp}` : t.timestamp))).toEqual(['config', 'key@1000', 1100, 1200, 1300]);
    expect(up.requests).toHaveLength(1);
    expect(relay.pulls).toBe(1);

    // The pull goes once nobody watches.
    await firstTags.reader.cancel();
    expect(up.cancelled).toBe(0);
    await late.reader.cancel();
    await expect.poll(() => up.cancelled).toBe(1);
    expect(relay.pulls).toBe(0);
  });

  it('answers what went wrong before the first byte: HTTP error, not FLV, a redirect elsewhere, no header in time', async () => {
    const answer = (res: () => Response) => relayWith(async () => res());
    const signal = new AbortController().signal;
    const http = await answer(() => new Response('gone', { status: 404 })).open('k', URL_OK, signal);
    expect(http).toMatchObject({ ok: false, reason: 'cdn-http-error', httpStatus: 404 });
    const page = await answer(() => new Response('<html>login</html>')).open('k', URL_OK, signal);
    expect(page).toMatchObject({ ok: false, reason: 'not-flv' });
    const away = await createOutputRelay({
      fetch: async () => new Response(null, { status: 302, headers: { Location: 'http://elsewhere.test/x.flv' } }),
      allowed: (u) => u.host === 'pull.test',
    }).open('k', URL_OK, signal);
    expect(away).toMatchObject({ ok: false, reason: 'redirect-refused' });
    const up = upstream();
    const slow = await relayWith(up.fetch, { openTimeoutMs: 20 }).open('k', URL_OK, signal);
    expect(slow).toMatchObject({ ok: false, reason: 'timeout' });
    expect(up.cancelled).toBe(1);
  });

  it('ends every viewer at the byte cap, and a new viewer starts a new pull', async () => {
    const up = upstream();
    const relay = relayWith(up.fetch, { maxBytes: frames.start.length + 1 });
    const opening = relay.open('k', URL_OK, new AbortController().signal);
    await Promise.resolve();
    up.push(frames.start);
    const a = await opening;
    if (!a.ok) throw new Error(a.message);
    up.push(frames.frame(0));
    const reader = a.body.getReader();
    let done = false;
    while (!done) done = (await reader.read()).done;
    expect(relay.pulls).toBe(0);
    void relay.open('k', URL_OK, new AbortController().signal);
    await expect.poll(() => up.requests.length).toBe(2);
  });
});
