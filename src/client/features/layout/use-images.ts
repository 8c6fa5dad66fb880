import { useEffect, useMemo, useSyncExternalStore } from 'react';
import { imageEntry, imagesVersion, requestImage, subscribeImages } from './image-store.ts';
import { checkImageUrl, type ImageState } from './image-url.ts';

/** The state of each image URL (as written in the task), loading the allowed ones. */
export function useImages(urls: readonly (string | undefined)[]): Map<string, ImageState> {
  const version = useSyncExternalStore(subscribeImages, imagesVersion, imagesVersion);
  const key = urls.filter((u): u is string => u !== undefined && u !== '').join('\n');
  const checks = useMemo(() => {
    const list = key === '' ? [] : key.split('\n');
    return new Map(list.map((raw) => [raw, checkImageUrl(raw)] as const));
  }, [key]);
  useEffect(() => {
    for (const check of checks.values()) if (check.ok) requestImage(check.url);
  }, [checks]);
  return useMemo(() => {
    void version; // recompute when an image settles
    const out = new Map<string, ImageState>();
    for (const [raw, check] of checks) out.set(raw, check.ok ? imageEntry(check.url) : { status: 'blocked', reason: check.reason });
    return out;
  }, [checks, version]);
}
