import { createHash } from 'node:crypto';

/**
 * The one inline script the server writes into a page: after a /task page it rendered, it marks
 * `layout-drawn` (src/client/features/layout/layout-drawn-mark.ts), the moment the layout's
 * picture is in the document with the stylesheet loaded (a script waits for the stylesheets
 * before it), so bench/nav.bench.ts and the browser's performance panel time the picture the
 * operator sees. It is allowed by its hash in the CSP; no other inline script is.
 */
export const LAYOUT_DRAWN_SCRIPT = 'performance.mark("layout-drawn")';

export const LAYOUT_DRAWN_SCRIPT_SOURCE = `'sha256-${createHash('sha256').update(LAYOUT_DRAWN_SCRIPT, 'utf8').digest('base64')}'`;
