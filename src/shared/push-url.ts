/** What masking leaves in place of a secret. '•' is never part of a URL as written, so it marks one already masked. */
const MASK = '••••';
/** A stream key as masking leaves it: at most three characters, then the mask. */
const MASKED_KEY = /^[^•]{0,3}••••$/;

/**
 * A push URL carries the stream key (the last path segment) and often an auth query
 * (txSecret, auth_key, sign, ...). Both are credentials for the customer's CDN: mask them
 * wherever the URL is shown or logged, keep the host and app visible for debugging.
 */
export function maskPushUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/i.exec(url.trim());
  if (!match) return url.endsWith(MASK) && url.length <= 4 + MASK.length ? url : url.length > 8 ? `${url.slice(0, 4)}${MASK}` : MASK;
  const [, scheme = '', authority = '', path = '', query = ''] = match;
  // user:password@ in the authority is a secret too.
  const host = authority.includes('@') ? `${MASK}@${authority.slice(authority.lastIndexOf('@') + 1)}` : authority;
  const segments = path.split('/');
  const last = segments.length > 1 ? segments.pop() ?? '' : '';
  // A key masked before stays as it was: masking twice changes nothing.
  const maskedKey = last === '' || MASKED_KEY.test(last) ? last : `${last.slice(0, Math.min(3, Math.floor(last.length / 3)))}${MASK}`;
  const maskedPath = segments.length > 0 && path !== '' ? `${segments.join('/')}/${maskedKey}` : '';
  const maskedQuery = query === ''
    ? ''
    : `?${query.slice(1).split('&').map((pair) => `${pair.split('=')[0] ?? ''}=${MASK}`).join('&')}`;
  return `${scheme}${host}${maskedPath}${maskedQuery}`;
}

/** True for a URL masking already went over (an export or an answer of this server). */
export function isMaskedPushUrl(url: string): boolean {
  return url.includes(MASK);
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** The PushURL of a task or a Start request body, when it has one. */
export function pushUrlOf(task: unknown): string | undefined {
  return isRecord(task) && typeof task['PushURL'] === 'string' ? task['PushURL'] : undefined;
}

/**
 * A copy of a task (or request body) with its PushURL masked: what leaves the server and what an
 * export holds unless someone asks for the key. Anything without a PushURL string comes back as is.
 */
export function withMaskedPushUrl(task: unknown): unknown {
  const url = pushUrlOf(task);
  return url === undefined ? task : { ...(task as Record<string, unknown>), PushURL: maskPushUrl(url) };
}

const URL_IN_TEXT = /\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]+/gi;

/** Text with every URL in it masked like a PushURL: an upstream message may quote the push URL. */
export function maskUrlsIn(text: string): string {
  return text.replace(URL_IN_TEXT, (url) => maskPushUrl(url));
}
