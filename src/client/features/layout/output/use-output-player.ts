import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

export type PlayerState =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'connecting' }
  | { kind: 'playing' }
  | { kind: 'failed'; reason: string }
  | { kind: 'ended' }
  | { kind: 'unsupported' };

interface Playing {
  destroy(): void;
}

/** What mpegts.js says in an error event, as one line a person can read. */
export function playerErrorText(detail: unknown, info: unknown): string {
  const field = (key: string): unknown => (info !== null && typeof info === 'object' ? Reflect.get(info, key) : undefined);
  const status = field('code');
  const text = field('msg');
  const code = typeof status === 'number' && status > 0 ? ` (HTTP ${status})` : '';
  const msg = typeof text === 'string' && text !== '' ? `: ${text}` : '';
  return `${String(detail)}${code}${msg}`;
}

/**
 * The output's HTTP-FLV in a <video>, through mpegts.js (Media Source Extensions). mpegts.js is
 * imported when Play is first pressed, never before: it stays out of the first page's JavaScript.
 */
export function useOutputPlayer(video: RefObject<HTMLVideoElement | null>, path: string) {
  const [state, setState] = useState<PlayerState>({ kind: 'idle' });
  const current = useRef<Playing | undefined>(undefined);

  const release = useCallback(() => {
    current.current?.destroy();
    current.current = undefined;
  }, []);

  const stop = useCallback(() => {
    release();
    setState({ kind: 'idle' });
  }, [release]);

  const play = useCallback(async () => {
    release();
    setState({ kind: 'loading' });
    const { default: mpegts } = await import('mpegts.js');
    const element = video.current;
    if (!element) return;
    if (!mpegts.getFeatureList().mseLivePlayback) {
      setState({ kind: 'unsupported' });
      return;
    }
    setState({ kind: 'connecting' });
    const player = mpegts.createPlayer(
      { type: 'flv', isLive: true, url: new URL(path, window.location.href).href },
      { enableWorker: false, enableStashBuffer: false, liveBufferLatencyChasing: true, lazyLoad: false },
    );
    current.current = player;
    player.on(mpegts.Events.ERROR, (_type: unknown, detail: unknown, info: unknown) => {
      if (current.current === player) setState({ kind: 'failed', reason: playerErrorText(detail, info) });
    });
    player.on(mpegts.Events.LOADING_COMPLETE, () => {
      if (current.current === player) setState({ kind: 'ended' });
    });
    const playing = () => current.current === player && setState({ kind: 'playing' });
    element.addEventListener('playing', playing, { once: true });
    player.attachMediaElement(element);
    player.load();
    // Muted, so the browser lets it start by itself; the controls unmute it.
    void Promise.resolve(player.play()).catch(() => undefined);
  }, [path, release, video]);

  useEffect(() => release, [release]);
  return { state, play, stop };
}
