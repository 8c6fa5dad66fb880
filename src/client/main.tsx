import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setupI18n } from './i18n/i18n.ts';
import { watchSystemTheme } from './lib/theme.ts';
import { App, preloadPage } from './app.tsx';
import { prefetchTask } from './features/task/task-prefetch.ts';
import { setUpPage } from './early/page-setup.ts';
import './styles.css';

// Theme, language and the cookies the server renders pages with, before anything renders.
setUpPage();
const queryClient = new QueryClient({
  defaultOptions: {
    // Keep the last good data on screen while a background refetch fails (data first).
    queries: { staleTime: 1_000, refetchOnWindowFocus: false },
  },
});

// The page's own chunk first (pages load on demand): it arrives while the theme and i18n set up,
// and the first render shows the page rather than an empty frame.
const pageReady = preloadPage(window.location.pathname).catch(() => undefined);
// A /task link asks for its task at the same time.
const firstTask = window.location.pathname === '/task' ? prefetchTask(queryClient, window.location.search) : undefined;

watchSystemTheme();
setupI18n();

await pageReady;
// The task's answer is usually in by now, or a moment away: rendering the task at once, rather
// than the loading state first, saves a render, a layout and a paint before the layout's first
// picture (about 80 ms of a 2-core machine's main thread). A slow answer is not waited for.
const FIRST_TASK_WAIT_MS = 100;
if (firstTask) await Promise.race([firstTask, new Promise((r) => setTimeout(r, FIRST_TASK_WAIT_MS))]);

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
// A /task link may hold the page the server rendered (src/client/ssr/render-task-page.tsx): this
// first render replaces it, in the same place (not hydration: the browser's page may differ a
// little, its picture measured to the pixel, its times in the browser's time zone).
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
