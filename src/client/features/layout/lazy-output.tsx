import { deferred } from '../../lib/deferred.tsx';

/*
 * Declared vs applied vs seen: the comparison panel and the player load, with their strings,
 * after the layout is drawn. The player's mpegts.js is imported only when Play is pressed.
 */
export const OutputPanelLazy = deferred(() => import('./output/output-panel.tsx').then((m) => m.OutputPanel), ['output']);
// The player words a region found empty with the room's presence, in the presence strings.
export const OutputPlayerLazy = deferred(() => import('./output-player.tsx').then((m) => m.OutputPlayer), ['output', 'presence']);
