import type { ImageState } from './image-url.ts';

/**
 * Images by URL, loaded once per page and shared by every region and poll that uses them, with
 * a version number that changes whenever one settles (for useSyncExternalStore).
 */
type Settled = { status: 'loaded'; image: HTMLImageElement } | { status: 'failed' } | { status: 'loading' };

const entries = new Map<string, Settled>();
const listeners = new Set<() => void>();
let version = 0;

function settle(url: string, entry: Settled): void {
  entries.set(url, entry);
  version += 1;
  for (const listener of listeners) listener();
}

/** Starts loading `url` (already checked to be http or https) unless it is known. */
export function requestImage(url: string): void {
  if (entries.has(url)) return;
  entries.set(url, { status: 'loading' });
  const image = new Image();
  // No cookies or auth to another origin, no referrer, and a CORS answer keeps the canvas exportable.
  image.crossOrigin = 'anonymous';
  image.referrerPolicy = 'no-referrer';
  image.decoding = 'async';
  image.onload = () => settle(url, { status: 'loaded', image });
  image.onerror = () => settle(url, { status: 'failed' });
  image.src = url;
}

export function imageEntry(url: string): ImageState {
  return entries.get(url) ?? { status: 'loading' };
}

export function subscribeImages(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function imagesVersion(): number {
  return version;
}
