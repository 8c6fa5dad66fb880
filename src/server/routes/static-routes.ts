import { readFile, stat } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { Hono, type Context } from 'hono';
import { PAGE_STYLE } from '../security/page-style.ts';
import { acceptableEncodings, ENCODING_SUFFIX, PRECOMPRESSED_FILE } from './content-encoding.ts';
import type { PageRender } from '../first-paint/task-page-render.ts';
import { sendRenderedPage } from '../first-paint/rendered-page.ts';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.map': 'application/json', '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml', '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif',
  '.webp': 'image/webp', '.ico': 'image/x-icon', '.woff': 'font/woff', '.woff2': 'font/woff2', '.wasm': 'application/wasm',
};

/** Vite names files under assets/ by content hash, so they can be cached for good. */
const IMMUTABLE = 'public, max-age=31536000, immutable';
/** index.html and unhashed files: always revalidate (cheap, thanks to the ETag). */
const REVALIDATE = 'no-cache';

// The page's only style is PAGE_STYLE, allowed by hash in the CSP (an inline style attribute would not be).
const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>mixscope: not built</title><style>${PAGE_STYLE}</style></head>
<body>
<h1>The mixscope web interface is not built yet</h1>
<p>Run <code>npm run build</code> (or start with <code>npm start</code>, which builds first), then reload this page.
The JSON API under <code>/api/</code> works already.</p>
<p lang="zh">网页界面尚未构建：请运行 <code>npm run build</code>，然后刷新本页。</p></body></html>`;

async function fileAt(path: string): Promise<{ path: string; size: number; mtimeMs: number } | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? { path, size: s.size, mtimeMs: s.mtimeMs } : undefined;
  } catch {
    return undefined;
  }
}

/** The precompressed variant the client wants most that the build wrote, else the file itself. */
async function variantOf(c: Context, file: { path: string; size: number; mtimeMs: number }) {
  if (!PRECOMPRESSED_FILE.test(file.path)) return { file, encoding: undefined };
  c.header('Vary', 'Accept-Encoding');
  // Only the acceptable encodings are looked for, best first: one stat for a brotli browser.
  for (const encoding of acceptableEncodings(c.req.header('accept-encoding'))) {
    const variant = await fileAt(`${file.path}${ENCODING_SUFFIX[encoding]}`);
    if (variant) return { file: variant, encoding };
  }
  return { file, encoding: undefined };
}

async function send(c: Context, original: { path: string; size: number; mtimeMs: number }, cacheControl: string, status: 200 | 404 = 200) {
  const { file, encoding } = await variantOf(c, original);
  c.header('Cache-Control', cacheControl);
  // Each variant has its own size, so its own ETag. A 404 has none: nothing to revalidate.
  if (status === 200) {
    const etag = `W/"${file.size.toString(16)}-${Math.floor(file.mtimeMs).toString(16)}"`;
    c.header('ETag', etag);
    if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  }
  c.header('Content-Type', MIME[extname(original.path).toLowerCase()] ?? 'application/octet-stream');
  if (encoding) c.header('Content-Encoding', encoding);
  return c.body(new Uint8Array(await readFile(file.path)), status);
}

/** The pages the SPA's router knows (/tasks: the fleet view); any other path is a 404. */
const APP_PAGES: ReadonlySet<string> = new Set(['/', '/task', '/inspect', '/watch', '/tasks']);

// Case-blind, trailing slash or not, as the client's router matches them.
const isAppPage = (segments: readonly string[]) => APP_PAGES.has(`/${segments.join('/')}`.toLowerCase());

/**
 * Serves the built SPA from staticRoot. The app's pages (/, /task, /inspect, /watch, /tasks) get
 * index.html; another path without a file extension gets it too, as a 404, for the app's
 * not-found page; a missing file with an extension is a plain 404.
 * Looked up per request, so `npm run build` takes effect without a restart. `render`: the page a
 * request opens, rendered by the server (first-paint/), else index.html goes as it is.
 */
export function staticRoutes(staticRoot: string | undefined, options: { render?: PageRender } = {}) {
  const root = staticRoot === undefined ? undefined : resolve(staticRoot);
  return new Hono().get('*', async (c) => {
    const index = root === undefined ? undefined : await fileAt(join(root, 'index.html'));
    if (root === undefined || index === undefined) {
      c.header('Cache-Control', 'no-store');
      return c.html(NOT_BUILT, 503);
    }
    let segments: string[];
    try {
      // Decode each raw segment exactly once, so %2F cannot smuggle a separator past the split.
      segments = new URL(c.req.url).pathname.split('/').filter((s) => s !== '').map(decodeURIComponent);
    } catch {
      return c.text('Bad request: malformed path.', 400);
    }
    // No dotfiles, no `..`, no separators, NUL or backslash tricks: only plain names under the root.
    if (segments.some((s) => s.startsWith('.') || /[/\\\0]/.test(s))) return c.text('Not found.', 404);
    const candidate = resolve(root, ...segments);
    if (candidate !== root && !candidate.startsWith(root + sep)) return c.text('Not found.', 404);
    const file = segments.length === 0 ? undefined : await fileAt(candidate);
    if (file !== undefined) return send(c, file, segments[0] === 'assets' ? IMMUTABLE : REVALIDATE);
    const last = segments.at(-1) ?? '';
    if (extname(last) !== '') return c.text('Not found.', 404);
    // index.html all the same, so the browser shows the app's own not-found page, in its language.
    if (!isAppPage(segments)) return send(c, index, REVALIDATE, 404);
    const rendered = await options.render?.(c, new URL(c.req.url));
    if (rendered === undefined) return send(c, index, REVALIDATE);
    return sendRenderedPage(c, await readFile(index.path, 'utf8'), rendered);
  });
}
