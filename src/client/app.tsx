import { Route, Switch } from 'wouter';
import { AppShell } from './app-shell.tsx';
import { NotFoundPage } from './features/query/not-found-page.tsx';
import { InspectRoute } from './features/inspect/inspect-route.tsx';
import { deferred } from './lib/deferred.tsx';

// Each page loads, with its strings, when its route is opened: a /task link from an alert does
// not wait for the home page's gallery, nor the home page for Konva (issue 8: 200 kB of
// JavaScript before the layout). main.tsx preloads the first page before the first render.
const HomePage = deferred(() => import('./features/query/home-page.tsx').then((m) => m.HomePage), ['demo', 'watch']);
const TaskPage = deferred(() => import('./features/task/task-page.tsx').then((m) => m.TaskPage));
const WatchPage = deferred(() => import('./features/watch/watch-page.tsx').then((m) => m.WatchPage), ['watch']);

/** Loads the page a path opens, so the first render shows it rather than an empty frame. */
export function preloadPage(pathname: string): Promise<unknown> {
  const page = { '/': HomePage, '/task': TaskPage, '/watch': WatchPage, '/inspect': InspectRoute }[pathname];
  return page ? page.preload() : Promise.resolve();
}

export function App() {
  return (
    <AppShell>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/task" component={TaskPage} />
        <Route path="/watch" component={WatchPage} />
        <Route path="/inspect" component={InspectRoute} />
        <Route component={NotFoundPage} />
      </Switch>
    </AppShell>
  );
}
