import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { TaskRef } from '../shared/task-ref.ts';
import { createUpstreamClient } from './upstream-client.ts';

/**
 * The body cap and the timeout against a real HTTP server on loopback, through the real fetch:
 * a chunked answer declares no length, so only reading the stream can stop it.
 */

const REF: TaskRef = { appId: 'app1', roomId: 'room-1', taskId: 't1', version: '2023-11-01' };
const CREDS = { accessKeyId: 'AKLTtestAccessKey', secretKey: 'TestSecretKey+/=' };
const MB = 1024 * 1024;

interface Streamed { written: number; closed: Promise<void> }

/** A server that answers every request with `total` bytes in 64 kB chunks, as fast as the client reads (or `trickle`: one chunk, then nothing). */
async function streamingServer(total: number, opts: { trickle?: boolean } = {}): Promise<{ url: string; server: Server; answers: Streamed[] }> {
  const answers: Streamed[] = [];
  const chunk = Buffer.alloc(64 * 1024, 0x20);
  const server = createServer((_req, res: ServerResponse) => {
    const streamed: Streamed = { written: 0, closed: new Promise((resolve) => res.once('close', () => resolve())) };
    answers.push(streamed);
    // No Content-Length: Node sends it chunked.
    res.writeHead(200, { 'content-type': 'application/json' });
    const pump = () => {
      while (streamed.written < total && !res.destroyed) {
        streamed.written += chunk.byteLength;
        if (opts.trickle) {
          res.write(chunk);
          return;
        }
        if (!res.write(chunk)) return void res.once('drain', pump);
      }
      if (!res.destroyed) res.end();
    };
    pump();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, answers };
}

let open: Server | undefined;
afterEach(async () => {
  open?.closeAllConnections();
  await new Promise((resolve) => open?.close(resolve));
  open = undefined;
});

function client(endpoint: string, timeoutMs = 10_000) {
  return createUpstreamClient({
    fetch: (req) => fetch(req), endpoint, credentials: CREDS, region: 'cn-north-1', timeoutMs, clock: Date.now, maxBodyBytes: MB,
  });
}

describe('the upstream body cap, on a real connection', () => {
  it('stops reading a chunked answer at the cap and drops the connection, long before the whole body', async () => {
    const full = 50 * MB;
    const { url, server, answers } = await streamingServer(full);
    open = server;
    const out = await client(url).getTask(REF);
    expect(out.kind).toBe('bad-body');
    const [answer] = answers;
    await answer?.closed;
    // What the server got out before the connection closed: the cap plus socket buffers, not the body.
    expect(answer?.written).toBeLessThan(full / 5);
    expect(out).toEqual({
      kind: 'bad-body', httpStatus: 200,
      message: `The answer from ${new URL(url).host} (HTTP 200) is larger than ${MB} bytes, far larger than a task; mixscope stopped reading it there.`,
    });
  });

  it('times out an answer whose body never ends, and drops the connection', async () => {
    const { url, server, answers } = await streamingServer(50 * MB, { trickle: true });
    open = server;
    const out = await client(url, 300).getTask(REF);
    expect(out).toEqual({ kind: 'unreachable', reason: 'timeout', message: `No answer from ${new URL(url).host} within 300 ms.` });
    await answers[0]?.closed;
    expect(answers[0]?.written).toBe(64 * 1024);
  });

  it('reads an answer under the cap whole, in many chunks', async () => {
    const body = JSON.stringify({ ResponseMetadata: { RequestId: 'r1' }, Result: { PushMixedStreamToCDNTask: { Status: 2, Pad: 'x'.repeat(300_000) } } });
    const server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      for (let i = 0; i < body.length; i += 10_000) res.write(body.slice(i, i + 10_000));
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    open = server;
    const out = await client(`http://127.0.0.1:${(server.address() as AddressInfo).port}`).getTask(REF);
    expect(out).toMatchObject({ kind: 'ok', requestId: 'r1', task: { Status: 2 } });
  });
});
