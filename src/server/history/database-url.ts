/**
 * MIXSCOPE_DATABASE_URL: `postgres://user:password@host:port/database?sslmode=…` selects PostgreSQL
 * instead of the SQLite file in MIXSCOPE_DATA_DIR. Pure parsing; the password is kept for the
 * connection only and never appears in a message or a description.
 */

export const DATABASE_URL_VAR = 'MIXSCOPE_DATABASE_URL';

const SSL_MODES = ['disable', 'prefer', 'require', 'verify-ca', 'verify-full', 'no-verify'] as const;

export interface PostgresTarget {
  /** The URL as given (it holds the password: connection only, never logged). */
  url: string;
  host: string;
  port: number;
  user: string;
  database: string;
}

export type DatabaseUrlResult = { ok: true; target: PostgresTarget } | { ok: false; error: string };

const FORM = `Set ${DATABASE_URL_VAR} to postgres://user:password@host:5432/database (optionally ?sslmode=require), or unset it to use the SQLite file in MIXSCOPE_DATA_DIR.`;

/** "host:port/database as user": what to name in a message, never the password. */
export function describeTarget(t: Pick<PostgresTarget, 'host' | 'port' | 'user' | 'database'>): string {
  return `${t.host}:${t.port}/${t.database} as ${t.user}`;
}

export function parseDatabaseUrl(raw: string): DatabaseUrlResult {
  const bad = (what: string): DatabaseUrlResult => ({ ok: false, error: `${DATABASE_URL_VAR} ${what}. ${FORM}` });
  if (/[\0\n\r]/.test(raw)) return bad('contains a NUL or line break');
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return bad('is not a URL');
  }
  if (url.protocol !== 'postgres:' && url.protocol !== 'postgresql:') {
    return bad(`has the scheme "${url.protocol.replace(/:$/, '')}"; only postgres:// and postgresql:// are supported`);
  }
  const host = decodeURIComponent(url.hostname).replace(/^\[|\]$/g, '');
  if (host === '') return bad('names no host');
  const port = url.port === '' ? 5432 : Number(url.port);
  const user = decodeURIComponent(url.username);
  if (user === '') return bad('names no user');
  const path = decodeURIComponent(url.pathname.replace(/^\//, ''));
  if (path.includes('/')) return bad('has a path of several segments; the path is the database name');
  const sslmode = url.searchParams.get('sslmode');
  if (sslmode !== null && !(SSL_MODES as readonly string[]).includes(sslmode)) {
    return bad(`has sslmode=${sslmode}; use one of ${SSL_MODES.join(', ')}`);
  }
  // Like libpq: without a database name, the database is named after the user.
  return { ok: true, target: { url: raw, host, port, user, database: path === '' ? user : path } };
}

/** The password in the URL, for the logger's list of values it never prints. */
export function databasePassword(target: PostgresTarget | undefined): string | undefined {
  if (target === undefined) return undefined;
  const password = decodeURIComponent(new URL(target.url).password);
  return password === '' ? undefined : password;
}
