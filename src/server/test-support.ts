import type { TaskRef } from '../shared/task-ref.ts';
import type { ServerConfig } from './env.ts';
import type { Logger } from './logger.ts';
import type { UpstreamClient, UpstreamOutcome } from './upstream-client.ts';

/** Test helpers shared by the server's unit tests (never imported by production code). */

export const TEST_NOW = Date.UTC(2024, 0, 2, 3, 4, 5);
export const TEST_CREDENTIALS = { accessKeyId: 'AKLTappTestAccessKey', secretKey: 'AppTestSecretKey+/=' };

export function testConfig(overrides: Partial<ServerConfig> = {}): ServerConfig {
  return {
    upstream: 'volcengine', credentials: TEST_CREDENTIALS, region: 'cn-north-1', endpoint: 'https://rtc.example.test',
    endpointHost: 'rtc.example.test', qps: 50, dataDir: './data', token: undefined, host: '127.0.0.1', port: 8080,
    upstreamTimeoutMs: 5000, simulatorSpeed: 1, pullRules: [], pullHosts: [],
    cacheMs: 1000, appIds: undefined, allowedHosts: [], simulatorFaults: false, ...overrides,
  };
}

/** An upstream that answers a fixed outcome and remembers what it was asked. */
export function fakeUpstream(outcome: UpstreamOutcome): UpstreamClient & { calls: TaskRef[] } {
  const calls: TaskRef[] = [];
  return {
    calls,
    async getTask(ref) {
      calls.push(ref);
      return outcome;
    },
  };
}

/** A logger that keeps every line as JSON text, to assert that no secret is ever logged. */
export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const keep = (obj: object, msg?: string) => { lines.push(JSON.stringify({ ...obj, msg })); };
  return { lines, info: keep, warn: keep, error: keep };
}
