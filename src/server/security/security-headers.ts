import type { MiddlewareHandler } from 'hono';
import { PAGE_STYLE_SOURCE } from './page-style.ts';
import { LAYOUT_DRAWN_SCRIPT_SOURCE } from '../first-paint/layout-drawn-script.ts';

/**
 * Headers on every response, pages, API and errors alike.
 *
 * The CSP allows one inline script, by its hash: the mark after a /task page the server rendered
 * (first-paint/layout-drawn-script.ts). Vite's build emits only external module scripts, and the
 * server's own pages have none. Images may come from any http(s) URL (and data:/blob:) because
 * a task's BackgroundImage and AlternateImage are the customer's URLs, and the PNG export draws
 * the canvas into a blob. The output player's video plays from a blob: (Media Source Extensions)
 * of the server's own relay. The browser talks only to this server (connect-src 'self'), and no other
 * site may frame it (clickjacking).
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  `script-src 'self' ${LAYOUT_DRAWN_SCRIPT_SOURCE}`,
  `style-src 'self' ${PAGE_STYLE_SOURCE}`,
  "img-src 'self' data: blob: http: https:",
  "font-src 'self' data:",
  // The output player feeds the <video> through Media Source Extensions: a blob: URL of this page.
  "media-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // For browsers that predate frame-ancestors.
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  // No Cross-Origin-Resource-Policy: the simulator's demo images are served from here and loaded
  // by a page that may be open as localhost while the image URL says 127.0.0.1 (another site).
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=(), usb=()',
};

export function securityHeaders(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.res.headers.set(name, value);
  };
}
