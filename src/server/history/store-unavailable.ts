/**
 * PostgreSQL failures that mean "the store cannot be reached right now" rather than "this request
 * is wrong": the API answers them 503 with Retry-After, and /readyz reports not ready.
 */

export class StoreUnavailableError extends Error {
  override readonly name = 'StoreUnavailableError';
}

/** What went wrong talking to PostgreSQL, for a message that names it (and never the password). */
export type PgFailure = 'host' | 'auth' | 'database' | 'timeout' | 'other';

const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE', 'ECONNABORTED']);

function codeOf(err: unknown): string | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const code = (err as { code?: unknown }).code;
  if (typeof code === 'string') return code;
  // Node's AggregateError (IPv4 and IPv6 both refused) carries the code on its members.
  const inner = (err as { errors?: unknown }).errors;
  return Array.isArray(inner) ? codeOf(inner[0]) : undefined;
}

export function classifyPgError(err: unknown): PgFailure {
  const code = codeOf(err);
  const message = err instanceof Error ? err.message : '';
  if (code === '28P01' || code === '28000') return 'auth';
  if (code === '3D000') return 'database';
  if (code === '57014' || /timeout/i.test(message)) return 'timeout';
  if (code !== undefined && (NETWORK_CODES.has(code) || code.startsWith('08') || code.startsWith('57P') || code === '53300')) return 'host';
  if (/Connection terminated|Client has encountered a connection error|connection is closed/i.test(message)) return 'host';
  return 'other';
}

/** The failures a retry may cure: the database is away, restarting, overloaded or slow. */
export function isStoreUnavailable(err: unknown): boolean {
  if (err instanceof StoreUnavailableError) return true;
  const kind = classifyPgError(err);
  return kind === 'host' || kind === 'timeout';
}
