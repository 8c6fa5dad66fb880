/**
 * Which image URLs mixscope will load: http and https only (a data:, blob: or file: URL in a task
 * is never fetched), at most the documented 1024 bytes. Images are loaded with
 * crossOrigin = 'anonymous' and no referrer, so no credentials leave the browser and the canvas
 * stays exportable (a cross-origin image without CORS would taint it).
 */
export const IMAGE_URL_MAX_BYTES = 1024;

export type ImageUrlCheck =
  | { ok: true; url: string }
  | { ok: false; reason: 'invalid' | 'scheme' | 'tooLong' };

export function checkImageUrl(raw: string): ImageUrlCheck {
  const text = raw.trim();
  if (new TextEncoder().encode(text).length > IMAGE_URL_MAX_BYTES) return { ok: false, reason: 'tooLong' };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: 'scheme' };
  return { ok: true, url: url.href };
}

/** What the page knows about one image. */
export type ImageState =
  | { status: 'loading' }
  | { status: 'loaded'; image: HTMLImageElement }
  | { status: 'failed' }
  | { status: 'blocked'; reason: 'invalid' | 'scheme' | 'tooLong' };
