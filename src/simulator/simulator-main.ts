import { serve } from '@hono/node-server';
import { parseArgs } from 'node:util';
import { startCallbackSender } from './callback-sender.ts';
import { createSimulator } from './simulator.ts';
import type { NumberMode } from './sim-types.ts';

/**
 * `npm run simulator -- --port 9000 --seed 7 --speed 60` serves the simulator over HTTP, so any
 * Volcengine client (the mixscope server with VOLC_ENDPOINT, the official SDKs, curl with a
 * signer) can talk to it as to rtc.volcengineapi.com.
 */

const USAGE = `Usage: npm run simulator -- [--port 8787] [--host 127.0.0.1] [--seed 1] [--speed 1]
       [--assets http://127.0.0.1:8080] [--numbers numbers|push-state-as-string|all-as-strings]
       [--callback-url https://mixscope.example.com/api/volcengine/callback --callback-secret S
        [--callback-test-mode] [--callback-concurrency 1]]
  (or MIXSCOPE_SIMULATOR_CALLBACK_URL, MIXSCOPE_SIMULATOR_CALLBACK_SECRET): POST signed event callbacks
  for the tasks' lives; test mode also sends a redelivery and an out-of-order pair. Concurrency:
  deliveries in flight at once (1 to 64), each task's own events still in order.`;

function fatal(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

function numberFlag(name: string, raw: string | undefined, fallback: number, ok: (n: number) => boolean): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(value) || !ok(value)) fatal(`--${name}: "${raw}" is not valid.`);
  return value;
}

const NUMBER_MODES: readonly NumberMode[] = ['numbers', 'push-state-as-string', 'all-as-strings'];

function main(): void {
  let values;
  try {
    ({ values } = parseArgs({
      options: {
        port: { type: 'string' },
        host: { type: 'string' },
        seed: { type: 'string' },
        speed: { type: 'string' },
        assets: { type: 'string' },
        numbers: { type: 'string' },
        'callback-url': { type: 'string' },
        'callback-secret': { type: 'string' },
        'callback-test-mode': { type: 'boolean' },
        'callback-concurrency': { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    fatal(e instanceof Error ? e.message : String(e));
  }
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const port = numberFlag('port', values.port, 8787, (n) => Number.isInteger(n) && n >= 0 && n <= 65535);
  const seed = numberFlag('seed', values.seed, 1, Number.isInteger);
  const speed = numberFlag('speed', values.speed, 1, (n) => n > 0 && n <= 10_000);
  const host = values.host ?? '127.0.0.1';
  const numbers = NUMBER_MODES.find((m) => m === (values.numbers ?? 'numbers'));
  if (numbers === undefined) fatal(`--numbers: "${values.numbers}" is not one of ${NUMBER_MODES.join(', ')}.`);
  const assetBaseUrl = values.assets ?? 'http://127.0.0.1:8080';
  const concurrency = numberFlag('callback-concurrency', values['callback-concurrency'], 1, (n) => Number.isInteger(n) && n >= 1 && n <= 64);

  const callbackUrl = values['callback-url'] ?? process.env.MIXSCOPE_SIMULATOR_CALLBACK_URL;
  const callbackSecret = values['callback-secret'] ?? process.env.MIXSCOPE_SIMULATOR_CALLBACK_SECRET;
  if ((callbackUrl === undefined) !== (callbackSecret === undefined)) fatal('--callback-url and --callback-secret go together.');
  if (callbackUrl !== undefined && !/^https?:\/\//.test(callbackUrl)) fatal(`--callback-url: "${callbackUrl}" is not an http(s) URL.`);

  const simulator = createSimulator({ seed, speed, numbers, assetBaseUrl });
  const sender = callbackUrl !== undefined && callbackSecret !== undefined
    ? startCallbackSender({
      url: callbackUrl, secret: callbackSecret, snapshots: simulator.snapshots, taskNow: simulator.clock.taskNow,
      testMode: values['callback-test-mode'] === true, concurrency, log: (line) => console.error(line),
    })
    : undefined;
  const server = serve({ fetch: simulator.fetch, port, hostname: host }, (info) => {
    const url = `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`;
    console.log(`mixscope simulator: Volcengine RTC OpenAPI stand-in on ${url} (seed ${seed}, speed ${speed}x, region ${simulator.region})`);
    console.log('Point a client at it with:');
    console.log(`  VOLC_ENDPOINT=${url}`);
    console.log(`  VOLC_ACCESSKEY=${simulator.credentials.accessKeyId}`);
    console.log(`  VOLC_SECRETKEY=${simulator.credentials.secretKey}`);
    if (callbackUrl !== undefined) console.log(`Event callbacks: signed, to ${callbackUrl}`);
    console.log(`Demo tasks: AppId demo-app, ${simulator.scenarios.length} scenarios (see src/shared/demo-scenarios.ts); images from ${assetBaseUrl}/demo/`);
  });
  const stop = () => {
    sender?.stop();
    server.close(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main();
