import { pino, type DestinationStream } from 'pino';
import { maskPushUrl } from '../shared/push-url.ts';
import { scrub } from './upstream-client.ts';

/** The slice of pino the server uses, so tests can pass a recorder instead. */
export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

/**
 * Nothing secret is ever passed to the logger on purpose; the redaction list is the safety net
 * for a future line that logs a config object or request headers by mistake.
 */
export const REDACT_PATHS = [
  'credentials', '*.credentials', 'secretKey', '*.secretKey', 'accessKeyId', '*.accessKeyId',
  'sessionToken', '*.sessionToken', 'token', '*.token',
  'headers.authorization', '*.headers.authorization', 'headers.cookie', '*.headers.cookie',
  'headers["x-security-token"]', '*.headers["x-security-token"]',
];

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;

/** file: URLs are this server's own source files (stack frames), never a stream's address: kept whole. */
const maskUrl = (url: string) => (/^file:/i.test(url) ? url : maskPushUrl(url));

/** An Error's own fields are not enumerable: copied out, or the line would show `{}`. Causes to a few levels (a cause can loop). */
function errorFields(err: Error, depth = 0): Record<string, unknown> {
  const { code } = err as { code?: unknown };
  const cause = err.cause instanceof Error ? (depth < 3 ? errorFields(err.cause, depth + 1) : String(err.cause)) : err.cause;
  return {
    type: err.name, message: err.message, stack: err.stack,
    ...(code === undefined ? {} : { code }),
    ...(cause === undefined ? {} : { cause }),
  };
}

/**
 * Second net, by value rather than by key: every string of every line has the configured secrets
 * replaced and every URL masked like a PushURL (stream key and query hidden, host kept), so an
 * upstream message that quotes a push URL or a key cannot reach the log in clear. Stack traces
 * stay readable: their frames are plain paths and file: URLs.
 */
export function scrubValue(value: unknown, secrets: readonly string[], depth = 0): unknown {
  if (typeof value === 'string') return scrub(value, secrets).replace(URL_IN_TEXT, maskUrl);
  if (value instanceof Error) return scrubValue(errorFields(value), secrets, depth);
  if (depth > 6 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => scrubValue(v, secrets, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrubValue(v, secrets, depth + 1)]));
}

export function scrubbingLogger(inner: Logger, secrets: readonly string[]): Logger {
  const live = secrets.filter((s) => s.length > 0);
  const wrap = (method: keyof Logger) => (obj: object, msg?: string) => {
    const clean = scrubValue(obj, live) as object;
    if (msg === undefined) inner[method](clean);
    else inner[method](clean, scrubValue(msg, live) as string);
  };
  return { info: wrap('info'), warn: wrap('warn'), error: wrap('error') };
}

export interface LoggerOptions {
  level?: string;
  /** Values never to print: the access key, secret key, session token, MIXSCOPE_TOKEN. */
  secrets?: readonly string[];
  /** Where lines go (default stdout); tests pass a stream to read them back. */
  destination?: DestinationStream;
}

export function createLogger({ level = process.env['LOG_LEVEL'] ?? 'info', secrets = [], destination }: LoggerOptions = {}): Logger {
  const options = { level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'mixscope' } };
  const base = destination === undefined ? pino(options) : pino(options, destination);
  return scrubbingLogger(base, secrets);
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
