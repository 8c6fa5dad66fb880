import i18next from 'i18next';
import { LAZY_FEATURE_MESSAGES } from './feature-messages.ts';

export type LazyNamespace = keyof typeof LAZY_FEATURE_MESSAGES;

const loading = new Map<LazyNamespace, Promise<void>>();

/** Adds a feature's strings in both languages, once, however many chunks ask for them. */
export function loadMessages(namespaces: readonly LazyNamespace[]): Promise<void> {
  return Promise.all(namespaces.map((ns) => {
    let done = loading.get(ns);
    if (done === undefined) {
      done = LAZY_FEATURE_MESSAGES[ns]().then((m) => {
        i18next.addResourceBundle('en', 'translation', { [ns]: m.en }, true, true);
        i18next.addResourceBundle('zh', 'translation', { [ns]: m.zh }, true, true);
      });
      // A failed load (a deploy replaced the chunk) is tried again next time.
      done.catch(() => loading.delete(ns));
      loading.set(ns, done);
    }
    return done;
  })).then(() => undefined);
}
