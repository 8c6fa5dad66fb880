import { deferred } from '../../lib/deferred.tsx';

// The inspector (its reader, rules and messages) loads when /inspect is opened, not with the first page.
export const InspectRoute = deferred(() => import('./inspect-page.tsx').then((m) => m.default), ['offline']);
