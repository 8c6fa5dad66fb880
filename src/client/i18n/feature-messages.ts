import { inspectorMessagesEn, inspectorMessagesZh } from '../features/layout/layout-messages.ts';
import { causeMessagesEn, causeMessagesZh } from '../features/cause/cause-messages.ts';
import { liveMessagesEn, liveMessagesZh } from '../design-system/live-messages.ts';
import { nameMessagesEn, nameMessagesZh } from './name-messages.ts';
import { parseIssueMessagesEn, parseIssueMessagesZh } from './parse-issue-messages.ts';

/**
 * Each feature keeps its strings beside its code in a `*-messages.ts` module exporting
 * `{ en, zh }` with identical keys, and registers it here under its namespace (the first part of
 * its keys: `t('inspector.zoomIn')`). The key-parity test reads both lists.
 */
export interface FeatureMessages {
  en: Record<string, unknown>;
  zh: Record<string, unknown>;
}

/** Loaded with the first page: what the task page shows before its layout is drawn. */
export const FEATURE_MESSAGES: Record<string, FeatureMessages> = {
  inspector: { en: inspectorMessagesEn, zh: inspectorMessagesZh },
  cause: { en: causeMessagesEn, zh: causeMessagesZh },
  live: { en: liveMessagesEn, zh: liveMessagesZh },
  names: { en: nameMessagesEn, zh: nameMessagesZh },
  parseIssue: { en: parseIssueMessagesEn, zh: parseIssueMessagesZh },
};

/**
 * Loaded with the code that shows them (see load-messages.ts), so the first page does not carry
 * the inspector's, the gallery's or the timeline's strings (JavaScript before the layout).
 */
export const LAZY_FEATURE_MESSAGES = {
  demo: () => import('../features/demo/demo-messages.ts').then((m): FeatureMessages => ({ en: m.demoMessagesEn, zh: m.demoMessagesZh })),
  offline: () => import('../features/inspect/offline-messages.ts').then((m): FeatureMessages => m.offlineMessages),
  panels: () => import('../features/task/config-panels-messages.ts').then((m): FeatureMessages => ({ en: m.panelsMessagesEn, zh: m.panelsMessagesZh })),
  timeline: () => import('../features/timeline/timeline-messages.ts').then((m): FeatureMessages => ({ en: m.timelineMessagesEn, zh: m.timelineMessagesZh })),
  watch: () => import('../features/watch/watch-messages.ts').then((m): FeatureMessages => ({ en: m.watchMessagesEn, zh: m.watchMessagesZh })),
  fleet: () => import('../features/fleet/fleet-messages.ts').then((m): FeatureMessages => ({ en: m.fleetMessagesEn, zh: m.fleetMessagesZh })),
} satisfies Record<string, () => Promise<FeatureMessages>>;
