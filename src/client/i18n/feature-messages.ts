import { demoMessagesEn, demoMessagesZh } from '../features/demo/demo-messages.ts';
import { offlineMessages } from '../features/inspect/offline-messages.ts';
import { inspectorMessagesEn, inspectorMessagesZh } from '../features/layout/layout-messages.ts';
import { panelsMessagesEn, panelsMessagesZh } from '../features/task/config-panels-messages.ts';
import { causeMessagesEn, causeMessagesZh } from '../features/cause/cause-messages.ts';
import { timelineMessagesEn, timelineMessagesZh } from '../features/timeline/timeline-messages.ts';
import { watchMessagesEn, watchMessagesZh } from '../features/watch/watch-messages.ts';
import { liveMessagesEn, liveMessagesZh } from '../design-system/live-messages.ts';
import { nameMessagesEn, nameMessagesZh } from './name-messages.ts';
import { parseIssueMessagesEn, parseIssueMessagesZh } from './parse-issue-messages.ts';

/**
 * Each feature keeps its strings beside its code in a `*-messages.ts` module exporting
 * `{ en, zh }` with identical keys, and registers it here under its namespace (the first part of
 * its keys: `t('inspector.zoomIn')`). The key-parity test reads this same list.
 */
export interface FeatureMessages {
  en: Record<string, unknown>;
  zh: Record<string, unknown>;
}

export const FEATURE_MESSAGES: Record<string, FeatureMessages> = {
  demo: { en: demoMessagesEn, zh: demoMessagesZh },
  offline: offlineMessages,
  inspector: { en: inspectorMessagesEn, zh: inspectorMessagesZh },
  panels: { en: panelsMessagesEn, zh: panelsMessagesZh },
  cause: { en: causeMessagesEn, zh: causeMessagesZh },
  timeline: { en: timelineMessagesEn, zh: timelineMessagesZh },
  watch: { en: watchMessagesEn, zh: watchMessagesZh },
  live: { en: liveMessagesEn, zh: liveMessagesZh },
  names: { en: nameMessagesEn, zh: nameMessagesZh },
  parseIssue: { en: parseIssueMessagesEn, zh: parseIssueMessagesZh },
};
