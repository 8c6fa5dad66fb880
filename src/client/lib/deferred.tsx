import { useEffect, useState, type ComponentType, type ReactNode } from 'react';
import { loadMessages, type LazyNamespace } from '../i18n/load-messages.ts';

export interface Deferred<P> {
  (props: P): ReactNode;
  /** Starts loading (once); resolves when the code and its strings are in. */
  preload(): Promise<unknown>;
}

/**
 * A component whose code (and strings) load on first use, for what need not come with the first
 * page (the JavaScript before the task page draws its layout has a budget).
 *
 * Not React.lazy with Suspense: React 19 throttles revealing a Suspense boundary's content after
 * its fallback showed, which kept the interactive canvas waiting behind its preview. Here the
 * fallback shows until the module is in, then the component renders at once; once loaded, it
 * renders directly on every later mount.
 */
export function deferred<P extends object>(
  load: () => Promise<ComponentType<P>>,
  namespaces: readonly LazyNamespace[] = [],
  fallback: (props: P) => ReactNode = () => null,
): Deferred<P> {
  let loaded: ComponentType<P> | undefined;
  let loading: Promise<ComponentType<P>> | undefined;
  const preload = () => {
    loading ??= Promise.all([load(), loadMessages(namespaces)]).then(([component]) => (loaded = component));
    // A failed chunk (a deploy replaced it) is tried again by the next mount.
    loading.catch(() => (loading = undefined));
    return loading;
  };
  function DeferredComponent(props: P) {
    const [Component, setComponent] = useState(() => loaded);
    useEffect(() => {
      if (Component) return undefined;
      let mounted = true;
      preload().then((c) => mounted && setComponent(() => c), (err: unknown) => console.error('Could not load part of the page:', err));
      return () => {
        mounted = false;
      };
    }, [Component]);
    return Component ? <Component {...props} /> : fallback(props);
  }
  return Object.assign(DeferredComponent, { preload });
}
