import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { setupI18n } from './i18n/i18n.ts';
import { watchSystemTheme } from './lib/theme.ts';
import { App } from './app.tsx';
import { readyForFirstRender } from './boot/first-render.ts';
import { setUpPage } from './boot/page-setup.ts';
import './styles.css';

setUpPage();
const queryClient = new QueryClient({
  defaultOptions: {
    // Keep the last good data on screen while a background refetch fails (data first).
    queries: { staleTime: 1_000, refetchOnWindowFocus: false },
  },
});
const ready = readyForFirstRender(queryClient, window.location);
watchSystemTheme();
setupI18n();
await ready;

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
