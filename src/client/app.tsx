import { lazy, Suspense } from 'react';
import { Route, Switch } from 'wouter';
import { AppShell } from './app-shell.tsx';
import { HomePage } from './features/query/home-page.tsx';
import { TaskPage } from './features/task/task-page.tsx';
import { NotFoundPage } from './features/query/not-found-page.tsx';
import { InspectRoute } from './features/inspect/inspect-route.tsx';

const WatchPage = lazy(() => import('./features/watch/watch-page.tsx').then((m) => ({ default: m.WatchPage })));

export function App() {
  return (
    <AppShell>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/task" component={TaskPage} />
        <Route path="/watch">
          <Suspense fallback={null}><WatchPage /></Suspense>
        </Route>
        <Route path="/inspect" component={InspectRoute} />
        <Route component={NotFoundPage} />
      </Switch>
    </AppShell>
  );
}
