import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Real processes for system tests: the simulator, a proxy, the server, a CPU burner. Node runs the
 * TypeScript through tsx's loader, so each pid is the process itself and killing it leaves nothing
 * behind (an npx wrapper would).
 */

export interface Child {
  process: ChildProcess;
  /** Everything written to stdout and stderr so far, for assertions and failure messages. */
  output(): string;
  /** Resolves once the output matches, with the match; rejects if the process exits first. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  stop(): Promise<void>;
}

export function spawnChild(command: string, args: readonly string[], env: Record<string, string> = {}): Child {
  const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const listeners = new Set<() => void>();
  const onData = (d: Buffer) => {
    // Keep the tail only: a request log can be long, and only its end explains a failure.
    output = (output + d.toString()).slice(-200_000);
    for (const l of listeners) l();
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  child.on('exit', () => { for (const l of listeners) l(); });
  return {
    process: child,
    output: () => output,
    waitFor: (pattern, timeoutMs = 30_000) => new Promise((resolve, reject) => {
      const check = () => {
        const m = output.match(pattern);
        if (m) return done(() => resolve(m));
        if (child.exitCode !== null || child.signalCode !== null) {
          done(() => reject(new Error(`${args.join(' ')} exited (${child.exitCode ?? child.signalCode}) before printing ${pattern}:\n${output}`)));
        }
      };
      const timer = setTimeout(() => done(() => reject(new Error(`${args.join(' ')} did not print ${pattern} within ${timeoutMs} ms:\n${output}`))), timeoutMs);
      const done = (settle: () => void) => {
        clearTimeout(timer);
        listeners.delete(check);
        settle();
      };
      listeners.add(check);
      check();
    }),
    stop: () => new Promise<void>((resolve) => {
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
      setTimeout(() => child.kill('SIGKILL'), 5_000).unref();
    }),
  };
}

/** A TypeScript entry point in its own Node process. */
export function spawnTs(script: string, args: readonly string[] = [], env: Record<string, string> = {}): Child {
  return spawnChild(process.execPath, ['--import', 'tsx', script, ...args], env);
}

/** A process that keeps one core busy, to test under load the way a shared machine is. */
export function spawnCpuBurner(): Child {
  return spawnChild(process.execPath, ['-e', 'for (;;) {}']);
}

/** A loopback port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once `url` answers anything below 500. */
export async function waitUntilServing(url: string, child: Child, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (child.process.exitCode !== null) throw new Error(`The process exited with ${child.process.exitCode}:\n${child.output()}`);
    try {
      const res = await fetch(url);
      await res.arrayBuffer();
      if (res.status < 500) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${url} did not answer within ${timeoutMs} ms:\n${child.output()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function tempDir(prefix: string): { path: string; remove(): void } {
  const path = mkdtempSync(join(tmpdir(), prefix));
  return { path, remove: () => rmSync(path, { recursive: true, force: true }) };
}

/**
 * The standalone simulator and a counting proxy in front of it, each its own process (pushed onto
 * `children` for the caller to stop): what a server under test calls, the keys it signs with, and
 * the simulator's own address for calls that must not be counted (a customer's control calls).
 */
export async function startCountedSimulator(children: Child[], simulatorArgs: readonly string[] = []): Promise<{ proxyUrl: string; simulatorUrl: string; accessKey: string; secretKey: string }> {
  const simulator = spawnTs('src/simulator/simulator-main.ts', ['--port', '0', ...simulatorArgs]);
  children.push(simulator);
  const [, simulatorUrl = ''] = await simulator.waitFor(/VOLC_ENDPOINT=(http:\/\/\S+)/);
  const [, accessKey = ''] = await simulator.waitFor(/VOLC_ACCESSKEY=(\S+)/);
  const [, secretKey = ''] = await simulator.waitFor(/VOLC_SECRETKEY=(\S+)/);
  const proxy = spawnTs('src/server/system-test/counting-proxy-main.ts', [simulatorUrl]);
  children.push(proxy);
  const [, proxyPort = ''] = await proxy.waitFor(/counting proxy on (\d+)/);
  return { proxyUrl: `http://127.0.0.1:${proxyPort}`, simulatorUrl, accessKey, secretKey };
}

/** Asks until `read` returns something, or fails at the deadline with what `explain` says. */
export async function pollUntil<T>(read: () => Promise<T | undefined>, explain: () => string, deadlineMs = 30_000): Promise<T> {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`not seen within ${deadlineMs} ms:\n${explain()}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * The environment of a mixscope server in volcengine mode against a Volcengine-compatible endpoint
 * (the standalone simulator, whose keys it signs with), listening on loopback, with no token.
 */
export function volcengineServerEnv(port: number, endpoint: string, dataDir: string, credentials: { accessKeyId: string; secretKey: string }): Record<string, string> {
  return {
    HOST: '127.0.0.1', PORT: String(port), MIXSCOPE_UPSTREAM: 'volcengine', VOLC_ENDPOINT: endpoint,
    VOLC_ACCESSKEY: credentials.accessKeyId, VOLC_SECRETKEY: credentials.secretKey, VOLC_SESSION_TOKEN: '',
    MIXSCOPE_DATA_DIR: dataDir, MIXSCOPE_TOKEN: '',
  };
}
