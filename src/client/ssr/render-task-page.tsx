import { StrictMode } from 'react';
import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createInstance, type i18n } from 'i18next';
import { I18nextProvider } from 'react-i18next';
import { Router } from 'wouter';
import type { TaskResponse } from '../../shared/mixscope-api.ts';
import { buildTaskModel } from '../../shared/task-model.ts';
import { App } from '../app.tsx';
import { taskQueries } from '../features/task/task-queries.ts';
import { i18nOptions } from '../i18n/i18n.ts';
import type { Language } from '../i18n/language.ts';
import { ServerRenderContext } from '../lib/server-render.ts';
import { withStoredValues } from '../lib/stored-setting.ts';
import { inTimeZone } from '../lib/time-format.ts';

/** The <html lang> of a language: the server takes it from here, its one door into the client. */
export { htmlLang } from '../i18n/language.ts';

const instances = new Map<Language, i18n>();

/** One i18next per language for the whole process: its strings are all inline, so it starts at once. */
function i18nFor(language: Language): i18n {
  let made = instances.get(language);
  if (!made) {
    made = createInstance();
    void made.init({ ...i18nOptions(language), initAsync: false });
    instances.set(language, made);
  }
  return made;
}

export interface TaskPageInput {
  search: string;
  response: TaskResponse;
  language: Language;
  /** The browser's time zone, for local times; else the server's. */
  timeZone?: string | undefined;
  /** The stored settings the page reads (time display), by key. */
  settings?: ReadonlyMap<string, string>;
}

/**
 * The /task page of one task as HTML, for the server to send inside #root (an operator
 * opening a link from an alert sees the page, layout included, before its JavaScript has run).
 * The same components the browser renders, with the task's answer already in the query cache;
 * what needs a browser (measuring, canvases, the parts that load later) renders its placeholder,
 * and the layout's picture is drawn as SVG (features/layout/scene/scene-svg.tsx). The browser renders the page
 * afresh over it (createRoot, not hydration), so a difference lasts one render.
 */
export function renderTaskPage(input: TaskPageInput): string {
  const { response, search, language } = input;
  const queryClient = new QueryClient({ defaultOptions: { queries: { staleTime: Infinity, retry: false } } });
  queryClient.setQueryData(taskQueries.detail(response.ref).queryKey, { response, model: buildTaskModel(response.task, response.ref.version) });
  try {
    return inTimeZone(input.timeZone, () => withStoredValues(input.settings ?? new Map(), () => renderToString(
      <StrictMode>
        <ServerRenderContext value>
          <I18nextProvider i18n={i18nFor(language)}>
            <QueryClientProvider client={queryClient}>
              <Router ssrPath="/task" ssrSearch={search.replace(/^\?/, '')}>
                <App />
              </Router>
            </QueryClientProvider>
          </I18nextProvider>
        </ServerRenderContext>
      </StrictMode>,
    )));
  } finally {
    queryClient.clear();
  }
}
