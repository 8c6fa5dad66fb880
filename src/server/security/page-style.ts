import { createHash } from 'node:crypto';

/**
 * The one stylesheet of the server's own small pages (sign-in, "not built yet"). It is inline so
 * those pages work without the SPA build, and it is allowed by its hash in the CSP, so the policy
 * needs no 'unsafe-inline'.
 */
export const PAGE_STYLE =
  'body{font:16px system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}input,button{font:inherit;padding:.4rem}[role=alert]{color:#b00020}';

export const PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(PAGE_STYLE, 'utf8').digest('base64')}'`;
