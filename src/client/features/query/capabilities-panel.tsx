import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { Section } from '../../design-system/section.tsx';
import { MUTED_TEXT } from '../../design-system/surface.ts';

const ITEMS = [
  { id: 'layout', glyph: '◧' },
  { id: 'timeline', glyph: '↻' },
  { id: 'cause', glyph: 'ℹ' },
  { id: 'watch', glyph: '◎' },
  { id: 'offline', glyph: '▤', href: '/inspect' },
] as const;

/** Beside the query form on the simulator: what mixscope answers, in five lines, for a first look. */
export function CapabilitiesPanel() {
  const { t } = useTranslation();
  return (
    <Section roomy aria-labelledby="capabilities-title" data-testid="capabilities">
      <h2 id="capabilities-title" className="text-lg font-semibold">{t('home.capabilities.title')}</h2>
      <ul className="mt-3 space-y-3">
        {ITEMS.map((item) => (
          <li key={item.id} className="flex gap-3">
            <span aria-hidden="true" className="mt-0.5 w-5 shrink-0 text-center text-lg leading-6 text-sky-800 dark:text-sky-300">{item.glyph}</span>
            <span className="min-w-0 text-sm">
              <span className="block font-semibold">
                {'href' in item ? <Link href={item.href} className="text-sky-800 underline underline-offset-2 dark:text-sky-300">{t(`home.capabilities.${item.id}.title`)}</Link> : t(`home.capabilities.${item.id}.title`)}
              </span>
              <span className="text-slate-700 dark:text-slate-300">{t(`home.capabilities.${item.id}.body`)}</span>
            </span>
          </li>
        ))}
      </ul>
      <p className={`mt-4 text-sm ${MUTED_TEXT}`}>{t('home.capabilities.tryDemo')}</p>
    </Section>
  );
}
