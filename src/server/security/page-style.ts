import { createHash } from 'node:crypto';

/**
 * The one stylesheet of the server's own small pages (sign-in, "not built yet"). It is inline so
 * those pages work without the SPA build, and it is allowed by its hash in the CSP, so the policy
 * needs no 'unsafe-inline'.
 */
export const PAGE_STYLE =
  ':root{color-scheme:light dark}body{font:16px system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem}' +
  // Fields and the button at least 44 px tall, for a thumb on a phone.
  'input,button{font:inherit;padding:.4rem .75rem;min-height:44px;box-sizing:border-box;max-width:100%}button{margin-top:.75rem}[role=alert]{color:#b00020}' +
  '@media (prefers-color-scheme:dark){body{background:#020617;color:#f1f5f9}[role=alert]{color:#fca5a5}}';

export const PAGE_STYLE_SOURCE = `'sha256-${createHash('sha256').update(PAGE_STYLE, 'utf8').digest('base64')}'`;
