import { Route, Switch } from 'wouter';
import { AppShell } from './app-shell.tsx';
import { NotFoundPage } from './features/query/not-found-page.tsx';
import { TaskRoute } from './routes/task-route.tsx';
import { deferred } from './lib/deferred.tsx';

// The other pages load, with their strings, when their route is opened: a /task link from an
// alert does not wait for the home page's gallery (the JavaScript before the layout has a
// budget). The task page itself comes with the first page: asking for it only once the app had
// started cost a round trip. main.tsx preloads the first page before the first render.
const HomePage = deferred(() => import('./routes/home-composed.tsx').then((m) => m.ComposedHomePage), ['demo', 'watch']);
const WatchPage = deferred(() => import('./features/watch/watch-page.tsx').then((m) => m.WatchPage), ['watch']);
// The inspector (its reader, rules and messages) loads when /inspect is opened.
const InspectRoute = deferred(() => import('./routes/inspect-composed.tsx').then((m) => m.ComposedInspectPage), ['offline']);
const FleetPage = deferred(() => import('./features/fleet/fleet-page.tsx').then((m) => m.FleetPage), ['fleet', 'watch']);

/** Loads the page a path opens, so the first render shows it rather than an empty frame. */
export function preloadPage(pathname: string): Promise<unknown> {
  const page = { '/': HomePage, '/tasks': FleetPage, '/watch': WatchPage, '/inspect': InspectRoute }[pathname];
  return page ? page.preload() : Promise.resolve();
}

export function App() {
  return (
    <AppShell>
      <Switch>
        <Route path="/" component={HomePage} />
        <Route path="/task" component={TaskRoute} />
        <Route path="/tasks" component={FleetPage} />
        <Route path="/watch" component={WatchPage} />
        <Route path="/inspect" component={InspectRoute} />
        <Route component={NotFoundPage} />
      </Switch>
    </AppShell>
  );
}
