import { deferred } from '../../lib/deferred.tsx';
import { TIMELINE_LOADING_MIN_HEIGHT } from '../timeline/timeline-height.ts';

/**
 * The parts of the task page that load, with their strings, after its layout is drawn: the
 * timeline (with d3-scale), the Encode/Control panels, the export buttons, and the query form a
 * broken link falls back to. The JavaScript before the layout has a budget
 * (scripts/check-bundle-budget.mjs); these are not what an operator looks at first. Their chunks are requested
 * when the task's answer is rendered, while the layout draws.
 */

/** Holds the height of the timeline while its code loads, so the layout below does not move. */
const timelinePlaceholder = () => <div aria-busy="true" className={`${TIMELINE_LOADING_MIN_HEIGHT} rounded-lg border border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900`} />;

export const TimelineSectionLazy = deferred(() => import('../timeline/timeline-section.tsx').then((m) => m.TimelineSection), ['timeline', 'watch'], timelinePlaceholder);
export const ConfigPanelsLazy = deferred(() => import('./config-panels.tsx').then((m) => m.ConfigPanels), ['panels']);
export const ExportButtonsLazy = deferred(() => import('../export/export-buttons.tsx').then((m) => m.ExportButtons), ['offline']);
export const QueryFormLazy = deferred(() => import('../query/query-form.tsx').then((m) => m.QueryForm), ['watch']);
