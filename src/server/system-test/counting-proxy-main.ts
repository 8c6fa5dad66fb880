import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';

/**
 * `tsx counting-proxy-main.ts <target origin>`: an HTTP proxy that notes the arrival time of every
 * request, then forwards it. It runs in a process of its own so the times it notes are not skewed
 * by the event loop of the server under test. GET /__arrivals answers the times (milliseconds,
 * fractional) as JSON, GET /__requests the same with each request's URL; it prints `counting proxy on <port>` once listening.
 */

const target = new URL(process.argv[2] ?? '');
const arrivals: number[] = [];
/** The same arrivals with the request's path and query: which task each call asked about. */
const requests: { at: number; url: string }[] = [];
const agent = new Agent({ keepAlive: true, maxSockets: 256 });

const server = createServer((req, res) => {
  // Taken when the request's head is in, before anything is forwarded.
  const at = performance.timeOrigin + performance.now();
  if (req.url === '/__arrivals') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(arrivals));
    return;
  }
  if (req.url === '/__requests') {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(requests));
    return;
  }
  arrivals.push(at);
  requests.push({ at, url: req.url ?? '' });
  const upstream = request({
    agent, host: target.hostname, port: target.port, method: req.method, path: req.url, headers: req.headers,
  }, (answer) => {
    res.writeHead(answer.statusCode ?? 502, answer.headers);
    answer.pipe(res);
  });
  upstream.on('error', (err) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`proxy: ${err.message}`);
  });
  req.pipe(upstream);
});

server.listen(0, '127.0.0.1', () => {
  console.log(`counting proxy on ${(server.address() as AddressInfo).port}`);
});
process.on('SIGTERM', () => server.close(() => process.exit(0)));
