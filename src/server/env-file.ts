import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseEnv as parseDotenv } from 'node:util';
import type { Env } from './env.ts';

export type LoadedEnv = { ok: true; env: Env; fromFile: boolean } | { ok: false; error: string };

/**
 * The real environment merged over `<cwd>/.env`, so an exported variable always wins over the
 * file. Uses Node's own dotenv parser (the one behind process.loadEnvFile) but does not write into
 * process.env, which keeps the precedence explicit and the function testable.
 */
export function loadEnvironment(
  cwd: string,
  processEnv: Env,
  readFile: (path: string) => string = (path) => readFileSync(path, 'utf8'),
): LoadedEnv {
  let content: string;
  try {
    content = readFile(join(cwd, '.env'));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, env: processEnv, fromFile: false };
    const code = (err as NodeJS.ErrnoException).code ?? 'unknown error';
    return { ok: false, error: `.env exists in the working directory but could not be read (${code}). Fix its permissions or remove it.` };
  }
  const fromFile = parseDotenv(content);
  const merged: Record<string, string | undefined> = { ...fromFile };
  for (const [name, value] of Object.entries(processEnv)) {
    if (value !== undefined) merged[name] = value;
  }
  return { ok: true, env: merged, fromFile: true };
}
