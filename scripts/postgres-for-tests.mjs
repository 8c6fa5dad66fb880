#!/usr/bin/env node
// A throwaway PostgreSQL for the tests, started the way the gate finds Chromium:
//   1. PG_BIN, else Debian's /usr/lib/postgresql/<version>/bin (the newest with initdb and pg_ctl)
//   2. as root on Debian only: apt-get install postgresql, then look again
// then initdb in a fresh temp directory, pg_ctl start on a free loopback port (password auth, a
// random password), createdb, and on stop: pg_ctl stop and remove the directory. PostgreSQL will
// not run as root, so as root every command runs as the `postgres` system user (runuser).
// As a CLI: `node scripts/postgres-for-tests.mjs <command…>` runs the command with
// MIXSCOPE_TEST_DATABASE_URL set, then stops the server; without a command it prints the URL and
// waits for Ctrl-C. Plain Node ESM with built-ins only.
import { spawnSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isMain } from './is-main.mjs';

export const URL_VAR = 'MIXSCOPE_TEST_DATABASE_URL';
export const DEBIAN_PG_ROOT = '/usr/lib/postgresql';
const APT_TIMEOUT_MS = 10 * 60 * 1000;
const PG_TIMEOUT_MS = 2 * 60 * 1000;

export const HOW_TO_GET_ONE = [
  'No PostgreSQL server binaries (initdb, pg_ctl) found for the tests. Either:',
  '  - on Debian or Ubuntu: sudo apt-get update && sudo apt-get install -y --no-install-recommends postgresql',
  '    (npm test does this by itself when it runs as root on Debian)',
  '  - set PG_BIN to the directory holding initdb and pg_ctl',
  `  - or point ${URL_VAR} at a PostgreSQL you already run (a user allowed to create databases)`,
].join('\n');

const isRoot = () => process.getuid?.() === 0;

/** @param {string} dir */
const hasServerBinaries = (dir) => existsSync(join(dir, 'initdb')) && existsSync(join(dir, 'pg_ctl'));

/** The bin directory of the newest Debian PostgreSQL, or PG_BIN; undefined when none. */
export function findPostgresBin(env = process.env) {
  const fromEnv = env['PG_BIN'];
  if (fromEnv) {
    if (!hasServerBinaries(fromEnv)) throw new Error(`PG_BIN is set to "${fromEnv}", but initdb and pg_ctl are not both there. Point PG_BIN at PostgreSQL's bin directory or unset it.`);
    return fromEnv;
  }
  if (!existsSync(DEBIAN_PG_ROOT)) return undefined;
  const versions = readdirSync(DEBIAN_PG_ROOT)
    .filter((v) => /^\d+(\.\d+)?$/.test(v) && hasServerBinaries(join(DEBIAN_PG_ROOT, v, 'bin')))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] === undefined ? undefined : join(DEBIAN_PG_ROOT, versions[0], 'bin');
}

/**
 * @param {string} cmd
 * @param {string[]} args
 * @param {{ timeoutMs?: number, env?: Record<string, string>, quiet?: boolean }} [opts]
 */
function runOrThrow(cmd, args, opts = {}) {
  const timeout = opts.timeoutMs ?? PG_TIMEOUT_MS;
  // apt-get streams its progress; PostgreSQL's tools are quiet unless they fail.
  const r = spawnSync(cmd, args, {
    stdio: opts.quiet ? ['ignore', 'pipe', 'pipe'] : ['ignore', 2, 2], timeout, killSignal: 'SIGKILL', encoding: 'utf8',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive', ...opts.env },
  });
  const shown = `${cmd} ${args.filter((a) => !a.startsWith('--pwfile')).join(' ')}`;
  const said = opts.quiet ? `\n${r.stdout ?? ''}${r.stderr ?? ''}`.trimEnd() : '';
  if (r.error) throw new Error(`${shown} failed: ${/** @type {NodeJS.ErrnoException} */ (r.error).code === 'ETIMEDOUT' ? `timed out after ${timeout / 1000} s` : r.error.message}${said}`);
  if (r.status !== 0) throw new Error(`${shown} exited with ${r.status ?? r.signal}${said}`);
}

/** Finds the binaries, installing Debian's postgresql package as root on Debian when none is found. */
export function ensurePostgresBin(log = (/** @type {string} */ l) => process.stderr.write(`${l}\n`)) {
  const found = findPostgresBin();
  if (found) return found;
  if (!(isRoot() && existsSync('/etc/debian_version'))) throw new Error(HOW_TO_GET_ONE);
  log('No PostgreSQL found; installing Debian\'s postgresql package with apt-get (running as root on Debian).');
  runOrThrow('apt-get', ['update'], { timeoutMs: APT_TIMEOUT_MS });
  runOrThrow('apt-get', ['-o', 'DPkg::Lock::Timeout=120', 'install', '-y', '--no-install-recommends', 'postgresql'], { timeoutMs: APT_TIMEOUT_MS });
  const after = findPostgresBin();
  if (!after) throw new Error(`apt-get install postgresql finished, but no ${DEBIAN_PG_ROOT}/<version>/bin was found.\n${HOW_TO_GET_ONE}`);
  return after;
}

/** @returns {Promise<number>} */
function freeLoopbackPort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** @param {string} user */
function idOf(user) {
  const uid = spawnSync('id', ['-u', user], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', user], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) throw new Error(`PostgreSQL refuses to run as root, and there is no "${user}" system user to run it as (Debian's postgresql package creates it).`);
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

/**
 * Starts a throwaway cluster. Resolves with its URL and a stop() that removes every trace.
 * @returns {Promise<{ url: string, stop: () => void }>}
 */
export async function startTestPostgres(log = (/** @type {string} */ l) => process.stderr.write(`${l}\n`)) {
  const bin = ensurePostgresBin(log);
  const dir = mkdtempSync(join(tmpdir(), 'mixscope-pg-'));
  const asUser = isRoot() ? ['runuser', '-u', 'postgres', '--'] : [];
  if (isRoot()) {
    const { uid, gid } = idOf('postgres');
    chownSync(dir, uid, gid);
  }
  const as = (/** @type {string} */ tool, /** @type {string[]} */ args, /** @type {Record<string, string>} */ env = {}) =>
    asUser.length > 0
      ? runOrThrow(asUser[0] ?? 'runuser', [...asUser.slice(1), join(bin, tool), ...args], { env, quiet: true })
      : runOrThrow(join(bin, tool), args, { env, quiet: true });
  const data = join(dir, 'data');
  const password = randomBytes(18).toString('hex');
  const pwfile = join(dir, 'pw');
  const user = 'mixscope';
  let started = false;
  const stop = () => {
    try {
      if (started) as('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    } catch (e) {
      log(`could not stop the test PostgreSQL: ${e instanceof Error ? e.message : String(e)}`);
    } finally {
      started = false;
      rmSync(dir, { recursive: true, force: true });
    }
  };
  try {
    writeFileSync(pwfile, password, { mode: 0o600 });
    if (isRoot()) {
      const { uid, gid } = idOf('postgres');
      chownSync(pwfile, uid, gid);
    }
    as('initdb', ['-D', data, '-U', user, `--pwfile=${pwfile}`, '--auth=scram-sha-256', '-E', 'UTF8', '--no-sync']);
    rmSync(pwfile);
    const port = await freeLoopbackPort();
    // Unix socket in our own directory; fsync off: a test cluster need not survive a power cut.
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
    as('pg_ctl', ['-D', data, '-l', join(dir, 'server.log'), '-w', '-t', '60', '-o', options, 'start']);
    started = true;
    as('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', user, 'mixscope_test'], { PGPASSWORD: password });
    const url = `postgres://${user}:${password}@127.0.0.1:${port}/mixscope_test`;
    log(`Test PostgreSQL (${bin}) on 127.0.0.1:${port}, database mixscope_test`);
    return { url, stop };
  } catch (e) {
    stop();
    throw e;
  }
}


if (isMain(import.meta.url)) {
  const command = process.argv.slice(2);
  /** @type {{ url: string, stop: () => void }} */
  let pgServer;
  try {
    pgServer = await startTestPostgres();
  } catch (e) {
    process.stderr.write(`${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(1);
  }
  process.once('exit', () => pgServer.stop());
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) process.once(signal, () => process.exit(130));
  if (command.length === 0) {
    process.stdout.write(`${URL_VAR}=${pgServer.url}\n`);
    setInterval(() => undefined, 1 << 30);
  } else {
    const child = spawn(command[0] ?? '', command.slice(1), { stdio: 'inherit', env: { ...process.env, [URL_VAR]: pgServer.url } });
    child.on('exit', (code) => process.exit(code ?? 1));
  }
}
