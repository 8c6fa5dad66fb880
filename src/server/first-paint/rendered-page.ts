import type { Context } from 'hono';
import { gzipSync } from 'node:zlib';
import { acceptableEncodings } from '../routes/content-encoding.ts';
import { LAYOUT_DRAWN_SCRIPT } from './layout-drawn-script.ts';
import type { RenderedPage } from './task-page-render.ts';

const ROOT = '<div id="root"></div>';
const HTML_TAG = /<html\b[^>]*>/;

/**
 * index.html with a page rendered into #root, inert until the browser's own render replaces it
 * (a click on it would otherwise do nothing), followed by the one inline script the CSP allows:
 * the `layout-drawn` mark, when the page holds the layout's picture. It holds the task's answer:
 * never stored by a cache.
 */
export function renderedIndex(index: string, page: RenderedPage): string | undefined {
  if (!index.includes(ROOT) || !HTML_TAG.test(index)) return undefined;
  const mark = page.html.includes('data-server-picture') ? `<script>${LAYOUT_DRAWN_SCRIPT}</script>` : '';
  const html = `<html lang="${page.lang === 'zh-CN' ? 'zh-CN' : 'en'}"${page.theme ? ` class="${page.theme}"` : ''}>`;
  return index
    .replace(HTML_TAG, () => html)
    .replace(ROOT, () => `<div id="root"><div data-server-page="" inert>${page.html}</div></div>${mark}`);
}

/** Sends index.html with the rendered page in it, compressed on the fly (it differs per request). */
export function sendRenderedPage(c: Context, index: string, page: RenderedPage) {
  const body = renderedIndex(index, page);
  if (body === undefined) return c.html(index);
  c.header('Cache-Control', 'no-store');
  c.header('Vary', 'Accept-Encoding');
  c.header('Content-Type', 'text/html; charset=utf-8');
  if (acceptableEncodings(c.req.header('accept-encoding')).includes('gzip')) {
    c.header('Content-Encoding', 'gzip');
    return c.body(new Uint8Array(gzipSync(body, { level: 6 })));
  }
  return c.body(body);
}
