import { pino } from 'pino';

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

export function createLogger(level = process.env['LOG_LEVEL'] ?? 'info'): Logger {
  return pino({ level, redact: { paths: REDACT_PATHS, censor: '[redacted]' }, base: { app: 'mixscope' } });
}

export const silentLogger: Logger = { info() {}, warn() {}, error() {} };
