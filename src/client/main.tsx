import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setupI18n } from './i18n/i18n.ts';
import { applyTheme, savedTheme, watchSystemTheme } from './lib/theme.ts';
import { App, preloadPage } from './app.tsx';
import { prefetchTask } from './features/task/task-prefetch.ts';
import './styles.css';

// The page's own chunk first (pages load on demand): it arrives while the theme and i18n set up,
// and the first render shows the page rather than an empty frame.
const pageReady = preloadPage(window.location.pathname).catch(() => undefined);
// A /task link asks for its task at the same time: the answer is there when the page first renders.
if (window.location.pathname === '/task') prefetchTask(window.location.search);

applyTheme(savedTheme());
watchSystemTheme();
setupI18n();

const queryClient = new QueryClient({
  defaultOptions: {
    // Keep the last good data on screen while a background refetch fails (data first).
    queries: { staleTime: 1_000, refetchOnWindowFocus: false },
  },
});

await pageReady;

const root = document.getElementById('root');
if (!root) throw new Error('index.html lost its #root element');
createRoot(root).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <App />
    </QueryClientProvider>
  </StrictMode>,
);
