/**
 * A push URL carries the stream key (the last path segment) and often an auth query
 * (txSecret, auth_key, sign, ...). Both are credentials for the customer's CDN: mask them
 * wherever the URL is shown or logged, keep the host and app visible for debugging.
 */
export function maskPushUrl(url: string): string {
  const match = /^([a-z][a-z0-9+.-]*:\/\/)([^/?#]*)(\/[^?#]*)?(\?[^#]*)?(#.*)?$/i.exec(url.trim());
  if (!match) return url.length > 8 ? `${url.slice(0, 4)}••••` : '••••';
  const [, scheme = '', authority = '', path = '', query = ''] = match;
  // user:password@ in the authority is a secret too.
  const host = authority.includes('@') ? `••••@${authority.slice(authority.lastIndexOf('@') + 1)}` : authority;
  const segments = path.split('/');
  const last = segments.length > 1 ? segments.pop() ?? '' : '';
  const maskedKey = last === '' ? '' : `${last.slice(0, Math.min(3, Math.floor(last.length / 3)))}••••`;
  const maskedPath = segments.length > 0 && path !== '' ? `${segments.join('/')}/${maskedKey}` : '';
  const maskedQuery = query === ''
    ? ''
    : `?${query.slice(1).split('&').map((pair) => `${pair.split('=')[0] ?? ''}=••••`).join('&')}`;
  return `${scheme}${host}${maskedPath}${maskedQuery}`;
}
