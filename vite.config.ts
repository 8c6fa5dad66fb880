import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import tailwindcss from '@tailwindcss/vite';
import { precompress } from './scripts/vite-precompress.ts';
import { firstPageChunk } from './scripts/vite-first-page-chunk.ts';

const firstPage = firstPageChunk();

// The SPA lives in src/client; the Node server serves dist/ in production and
// proxies /api to itself in development (npm run dev + npm run dev:client).
export default defineConfig({
  // precompress: file.br and file.gz beside every text file, which the server sends as they are.
  plugins: [react(), tailwindcss(), precompress(), firstPage.plugin],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: the chunk import graph the bundle budget walks (scripts/check-bundle-budget.mjs).
    manifest: true,
    rolldownOptions: {
      checks: {
        // precompress() runs brotli at its highest level once per build: slow on purpose, not a
        // hook to look into on every start.
        bundlerTimings: false,
      },
      onLog(level, log, handler) {
        // Tailwind generates the stylesheet without a source map; the JavaScript's maps are whole.
        if (log.code === 'SOURCEMAP_BROKEN' && (log.plugin ?? '').startsWith('@tailwindcss/vite')) return;
        handler(level, log);
      },
      output: {
        // The libraries every page starts with, in one chunk rather than a dozen small ones the
        // browser fetches and evaluates one by one (Konva, react-konva, d3 and the fleet's virtual list
        // stay with their features: name packages here, never a whole scope).
        codeSplitting: {
          groups: [
            { name: 'vendor', priority: 3, test: /node_modules[\\/](react|react-dom|scheduler|i18next|react-i18next|@tanstack[\\/](react-query|query-core)|wouter|regexparam|zod|use-sync-external-store)[\\/]/ },
            { name: 'app', priority: 1, test: firstPage.test },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
