import { useEffect, useRef, useState, type RefObject } from 'react';

export type PresentMode = 'fullscreen' | 'viewport';

/**
 * Puts `ref` full screen while mounted, through the Fullscreen API when the browser allows it
 * (it may refuse: no user gesture, an iframe, a kiosk), else leaves it as a full-viewport layer.
 * Leaving full screen by the browser's own means (Esc, F11) or pressing Esc calls `onExit`. The
 * page behind is inert meanwhile, so the keyboard stays in the view.
 */
export function useFullscreen(ref: RefObject<HTMLElement | null>, onExit: () => void): { mode: PresentMode; exit: () => void } {
  const [mode, setMode] = useState<PresentMode>('viewport');
  const exitRef = useRef(onExit);
  useEffect(() => {
    exitRef.current = onExit;
  }, [onExit]);

  useEffect(() => {
    const el = ref.current;
    if (!el) return undefined;
    const root = document.getElementById('root');
    root?.setAttribute('inert', '');
    const overflow = document.documentElement.style.overflow;
    document.documentElement.style.overflow = 'hidden';
    el.focus();
    let entered = false;
    let left = false;
    const leave = () => {
      if (left) return;
      left = true;
      exitRef.current();
    };
    if (document.fullscreenEnabled && typeof el.requestFullscreen === 'function') {
      el.requestFullscreen().then(() => {
        entered = true;
        setMode('fullscreen');
      }, () => undefined);
    }
    const onChange = () => {
      if (entered && document.fullscreenElement !== el) leave();
    };
    // Capture: Esc leaves the view even when the canvas or the timeline has the focus.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      e.stopPropagation();
      leave();
    };
    document.addEventListener('fullscreenchange', onChange);
    window.addEventListener('keydown', onKey, true);
    return () => {
      document.removeEventListener('fullscreenchange', onChange);
      window.removeEventListener('keydown', onKey, true);
      if (document.fullscreenElement === el) void document.exitFullscreen().catch(() => undefined);
      root?.removeAttribute('inert');
      document.documentElement.style.overflow = overflow;
    };
  }, [ref]);

  return { mode, exit: () => exitRef.current() };
}
