import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { LanguagePicker } from './design-system/language-picker.tsx';
import { ThemePicker } from './design-system/theme-picker.tsx';
import { UpstreamBadge } from './features/query/upstream-badge.tsx';

const NAV = [
  { href: '/', key: 'nav.query' },
  { href: '/tasks', key: 'nav.fleet' },
  { href: '/watch', key: 'nav.watch' },
  { href: '/inspect', key: 'nav.inspect' },
] as const;

export function AppShell({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const [location] = useLocation();
  return (
    <div className="min-h-screen bg-slate-50 text-slate-900 dark:bg-slate-950 dark:text-slate-100">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2 dark:focus:bg-slate-900">
        {t('app.skipToContent')}
      </a>
      <header className="border-b border-slate-200 bg-white dark:border-slate-800 dark:bg-slate-900">
        <div className="mx-auto flex max-w-[1800px] flex-wrap items-center gap-x-6 gap-y-2 px-4 py-2">
          <Link href="/" className="flex items-center gap-2 text-lg font-semibold tracking-tight">
            <img src="/favicon.svg" alt="" className="h-6 w-6" />
            {t('app.name')}
          </Link>
          <nav aria-label={t('nav.mainNavigation')}>
            <ul className="flex flex-wrap gap-1">
              {NAV.map((item) => {
                const current = item.href === '/' ? location === '/' || location === '/task' : location.startsWith(item.href);
                return (
                  <li key={item.href}>
                    <Link
                      href={item.href}
                      aria-current={current ? 'page' : undefined}
                      className={`rounded-md px-3 py-1.5 text-sm font-medium whitespace-nowrap max-sm:px-2 ${current ? 'bg-slate-900 text-white dark:bg-slate-100 dark:text-slate-900' : 'text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800'}`}
                    >
                      {t(item.key)}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </nav>
          <div className="ml-auto flex flex-wrap items-center gap-3">
            <UpstreamBadge />
            {/* The two pickers wrap to a line of their own together on a phone. */}
            <div className="flex items-center gap-3">
              <LanguagePicker />
              <ThemePicker />
            </div>
          </div>
        </div>
      </header>
      <main id="main" className="mx-auto max-w-[1800px] px-4 py-4">
        {children}
      </main>
    </div>
  );
}
