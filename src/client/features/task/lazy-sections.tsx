import { deferred } from '../../lib/deferred.tsx';

/**
 * The Encode/Control panels load, with their strings, after the layout is drawn: the JavaScript
 * before the layout has a budget (scripts/check-bundle-budget.mjs). The route composing the page
 * loads the other features' sections the same way (routes/task-route.tsx).
 */
export const ConfigPanelsLazy = deferred(() => import('./config-panels.tsx').then((m) => m.ConfigPanels), ['panels']);
