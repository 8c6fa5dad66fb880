import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { freePort, spawnTs, tempDir, type Child } from '../system-test/child-process-kit.ts';

/** Real server processes (src/server/main.ts) given a bad pull setting: they must not start. */
const MAIN = fileURLToPath(new URL('../main.ts', import.meta.url));
const dataDir = tempDir('mixscope-pull-env-');
const started: Child[] = [];
afterAll(async () => {
  await Promise.all(started.map((c) => c.stop()));
  dataDir.remove();
});

/** The exit code, once the process has exited (the event, not a poll). */
function exitCode(child: Child): Promise<number | null> {
  const { process: proc } = child;
  if (proc.exitCode !== null || proc.signalCode !== null) return Promise.resolve(proc.exitCode);
  return new Promise((resolve) => proc.once('exit', (code) => resolve(code)));
}

async function start(env: Record<string, string>): Promise<Child> {
  const child = spawnTs(MAIN, [], {
    HOST: '127.0.0.1', PORT: String(await freePort()), MIXSCOPE_DATA_DIR: dataDir.path, MIXSCOPE_UPSTREAM: 'simulator',
    VOLC_ACCESSKEY: '', VOLC_SECRETKEY: '', VOLC_SESSION_TOKEN: '', MIXSCOPE_TOKEN: '', MIXSCOPE_PULL_RULES: '', MIXSCOPE_PULL_HOSTS: '', ...env,
  });
  started.push(child);
  return child;
}

describe('a bad pull setting stops the server at start', () => {
  it.each([
    ['MIXSCOPE_PULL_RULES', 'push.example.com=ftp://pull.example.com/{app}/{stream}.flv?auth=topsecret', /MIXSCOPE_PULL_RULES entry "push\.example\.com=ftp:\/\/pull\.example\.com\/\{app\}\/\{stream\}\.flv\?…" uses ftp/],
    ['MIXSCOPE_PULL_RULES', 'https://pull.example.com/{app}/{stream}.flv', /MIXSCOPE_PULL_RULES entry "https:\/\/pull\.example\.com\/\{app\}\/\{stream\}\.flv" has no "="/],
    ['MIXSCOPE_PULL_HOSTS', 'https://pull.example.com/live?sign=topsecret', /MIXSCOPE_PULL_HOSTS entry .* is not a host name; the expected form is host\[:port\]/],
  ])('%s=%s', async (name, value, said) => {
    const child = await start({ [name]: value });
    expect(await exitCode(child)).toBe(1);
    expect(child.output()).toMatch(said);
    expect(child.output()).toContain('Fix the variables above');
    expect(child.output()).not.toContain('topsecret');
    expect(child.output()).not.toMatch(/listening on/);
  }, 60_000);
});
