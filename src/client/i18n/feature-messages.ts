import { inspectorMessagesEn, inspectorMessagesZh } from './messages/layout-messages.ts';
import { causeMessagesEn, causeMessagesZh } from './messages/cause-messages.ts';
import { liveMessagesEn, liveMessagesZh } from '../design-system/live-messages.ts';
import { nameMessagesEn, nameMessagesZh } from './name-messages.ts';
import { parseIssueMessagesEn, parseIssueMessagesZh } from './parse-issue-messages.ts';

/**
 * Each feature's strings live in i18n/messages/ as a `*-messages.ts` module exporting `{ en, zh }`
 * with identical keys, registered here under its namespace (the first part of its keys:
 * `t('inspector.zoomIn')`). i18n imports no feature: a feature only names the namespaces it needs
 * (deferred(...)), which load with its code. The key-parity test reads both lists.
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
  demo: () => import('./messages/demo-messages.ts').then((m): FeatureMessages => ({ en: m.demoMessagesEn, zh: m.demoMessagesZh })),
  offline: () => import('./messages/offline-messages.ts').then((m): FeatureMessages => m.offlineMessages),
  panels: () => import('./messages/config-panels-messages.ts').then((m): FeatureMessages => ({ en: m.panelsMessagesEn, zh: m.panelsMessagesZh })),
  timeline: () => import('./messages/timeline-messages.ts').then((m): FeatureMessages => ({ en: m.timelineMessagesEn, zh: m.timelineMessagesZh })),
  watch: () => import('./messages/watch-messages.ts').then((m): FeatureMessages => ({ en: m.watchMessagesEn, zh: m.watchMessagesZh })),
  presence: () => import('./messages/presence-messages.ts').then((m): FeatureMessages => ({ en: m.presenceMessagesEn, zh: m.presenceMessagesZh })),
  fleet: () => import('./messages/fleet-messages.ts').then((m): FeatureMessages => ({ en: m.fleetMessagesEn, zh: m.fleetMessagesZh })),
  output: () => import('./messages/output-messages.ts').then((m): FeatureMessages => ({ en: m.outputMessagesEn, zh: m.outputMessagesZh })),
  editor: () => import('./messages/editor-messages.ts').then((m): FeatureMessages => ({ en: m.editorMessagesEn, zh: m.editorMessagesZh })),
} satisfies Record<string, () => Promise<FeatureMessages>>;
