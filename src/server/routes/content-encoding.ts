/**
 * Which precompressed variant of a file to send, from the request's Accept-Encoding (RFC 9110
 * §12.5.3): brotli before gzip when both are acceptable, never one the client gave q=0, identity
 * when neither is on disk. Pure: the caller says which variants exist. The build writes the
 * variants (scripts/vite-precompress.ts) from the same two definitions below.
 */
export type Encoding = 'br' | 'gzip';
export const ENCODING_SUFFIX: Record<Encoding, string> = { br: '.br', gzip: '.gz' };
/** The files the build precompresses, and so the only ones the server looks for variants of. */
export const PRECOMPRESSED_FILE = /\.(m?js|css|html|svg|json|txt)$/;

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

/** The encodings the client accepts, most wanted first (brotli first on a tie). */
export function acceptableEncodings(acceptEncoding: string | undefined): Encoding[] {
  if (!acceptEncoding) return [];
  const w = weights(acceptEncoding);
  const star = w.get('*');
  const weight = (e: Encoding) => w.get(e) ?? (e === 'gzip' ? w.get('x-gzip') : undefined) ?? star ?? 0;
  return (['br', 'gzip'] as const).filter((e) => weight(e) > 0).sort((a, b) => weight(b) - weight(a));
}

export function pickEncoding(acceptEncoding: string | undefined, available: ReadonlySet<Encoding>): Encoding | undefined {
  return acceptableEncodings(acceptEncoding).find((e) => available.has(e));
}
