import { describe, expect, it } from 'vitest';
import { parseAuthorization } from '../shared/volc-signature.ts';
import type { FetchLike } from './upstream-client.ts';
import { createUpstreamFor, type SimulatorLike } from './upstream-factory.ts';
import { TEST_CREDENTIALS, TEST_NOW, testConfig } from './test-support.ts';

const REF = { appId: 'a', roomId: 'r', taskId: 't', version: '2020-12-01' } as const;
const OK_BODY = { ResponseMetadata: { RequestId: 'x' }, Result: { PushMixedStreamToCDNTask: { Status: 2 } } };

function recorder() {
  const seen: Request[] = [];
  const fetch: FetchLike = async (req) => { seen.push(req); return Response.json(OK_BODY); };
  return { seen, fetch };
}

describe('createUpstreamFor', () => {
  it('volcengine: real fetch, configured keys and endpoint, simulator never loaded', async () => {
    const net = recorder();
    let loaded = false;
    const upstream = await createUpstreamFor(testConfig({ endpoint: 'https://open-ap-singapore-1.volcengineapi.com', region: 'ap-singapore-1' }), {
      clock: () => TEST_NOW, fetch: net.fetch, loadSimulator: async () => { loaded = true; throw new Error('not wanted'); },
    });
    expect(await upstream.getTask(REF)).toMatchObject({ kind: 'ok', requestId: 'x' });
    expect(loaded).toBe(false);
    expect(new URL(net.seen[0]?.url ?? '').host).toBe('open-ap-singapore-1.volcengineapi.com');
    const auth = parseAuthorization(net.seen[0]?.headers.get('authorization'));
    expect(auth.ok && auth.value).toMatchObject({ accessKeyId: TEST_CREDENTIALS.accessKeyId, region: 'ap-singapore-1' });
  });

  it('simulator: the simulator fetch and its own keys, the network untouched', async () => {
    const net = recorder();
    const sim = recorder();
    let askedRegion = '';
    const simulator: SimulatorLike = { fetch: sim.fetch, credentials: { accessKeyId: 'SIMAK', secretKey: 'SIMSK' }, region: 'us-east-1' };
    const upstream = await createUpstreamFor(testConfig({ upstream: 'simulator', credentials: undefined, region: 'us-east-1' }), {
      clock: () => TEST_NOW, fetch: net.fetch, loadSimulator: async (region) => { askedRegion = region; return simulator; },
    });
    expect(askedRegion).toBe('us-east-1');
    expect(await upstream.getTask(REF)).toMatchObject({ kind: 'ok' });
    expect(net.seen).toHaveLength(0);
    const slow = await createUpstreamFor(testConfig({ upstream: 'simulator', upstreamTimeoutMs: 100 }), {
      clock: () => TEST_NOW, fetch: net.fetch, loadSimulator: async () => ({ ...simulator, fetch: () => new Promise<Response>(() => {}) }),
    });
    expect(await slow.getTask(REF)).toMatchObject({ kind: 'unreachable', message: 'No answer from the embedded simulator within 100 ms.' });
    const auth = parseAuthorization(sim.seen[0]?.headers.get('authorization'));
    expect(auth.ok && auth.value).toMatchObject({ accessKeyId: 'SIMAK', region: 'us-east-1' });
  });

  it('refuses volcengine without credentials', async () => {
    const net = recorder();
    await expect(createUpstreamFor(testConfig({ credentials: undefined }), {
      clock: () => TEST_NOW, fetch: net.fetch, loadSimulator: async () => { throw new Error('no'); },
    })).rejects.toThrow('no credentials');
  });
});
