import { deferred } from '../../lib/deferred.tsx';

/**
 * The Encode/Control panels load on demand, with their strings, as they mount: the JavaScript
 * before the layout has a budget (scripts/check-bundle-budget.mjs). The route composing the page
 * loads the other features' sections the same way (routes/task-route.tsx).
 */
export const ConfigPanelsLazy = deferred(() => import('./config-panels.tsx').then((m) => m.ConfigPanels), ['panels']);
