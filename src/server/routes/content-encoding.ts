/**
 * Which precompressed variant of a file to send, from the request's Accept-Encoding (RFC 9110
 * §12.5.3): brotli before gzip when both are acceptable, never one the client gave q=0, identity
 * when neither is on disk. Pure: the caller says which variants exist.
 */
export type Encoding = 'br' | 'gzip';
export const ENCODING_SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };

function weights(header: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    if (name === '') continue;
    const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = q === undefined ? 1 : Number(q.slice(2));
    // A coding named twice counts at its lowest weight: never send what the client refused anywhere.
    out.set(name.trim(), Math.min(out.get(name.trim()) ?? 1, Number.isFinite(value) ? value : 0));
  }
  return out;
}

export function pickEncoding(acceptEncoding: string | undefined, available: ReadonlySet<Encoding>): Encoding | undefined {
  if (!acceptEncoding) return undefined;
  const w = weights(acceptEncoding);
  const star = w.get('*');
  const weight = (e: Encoding) => w.get(e) ?? (e === 'gzip' ? w.get('x-gzip') : undefined) ?? star ?? 0;
  const best = (['br', 'gzip'] as const)
    .filter((e) => available.has(e) && weight(e) > 0)
    .sort((a, b) => weight(b) - weight(a))[0];
  return best;
}
