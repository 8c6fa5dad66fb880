import { useTranslation } from 'react-i18next';
import { coordinateModelOf, type ApiVersion } from '../../../shared/api-versions.ts';
import type { TaskDocument } from '../../../shared/task-document.ts';
import { Section } from '../../design-system/section.tsx';
import { MUTED_TEXT } from '../../design-system/surface.ts';
import { IdentityList } from '../../design-system/identity-list.tsx';

/** What was read: its kind, the IDs it names, and where its API version came from. */
export function DocumentHeader({ doc, versionChoice }: { doc: TaskDocument; versionChoice: ApiVersion | undefined }) {
  const { t } = useTranslation();
  const ids: [string, string | undefined][] = [
    ['AppId', doc.ref?.appId],
    ['RoomId', doc.ref?.roomId],
    ['TaskId', doc.ref?.taskId],
    ['UserId', doc.ref?.userId],
    [t('offline.requestId'), doc.requestId],
  ];
  const named = doc.versionSource === 'envelope' || doc.versionSource === 'export';
  return (
    <Section aria-label={t(`offline.kind.${doc.kind}`)} data-testid="inspect-document" data-kind={doc.kind} data-version={doc.version} className="space-y-1">
      <div className="flex flex-wrap items-baseline gap-x-4 gap-y-1">
        <h2 className="min-w-0 text-lg font-semibold wrap-anywhere" data-testid="inspect-kind">{t(`offline.kind.${doc.kind}`)}</h2>
        <IdentityList ids={ids} />
      </div>
      <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="inspect-version">
        {doc.versionGuessed && <span aria-hidden="true">≈ </span>}
        {t(`offline.version.${doc.versionSource}`, { version: doc.version, model: t(`offline.version.${coordinateModelOf(doc.version)}`) })}
      </p>
      {doc.unknownVersion && <p className="text-sm text-amber-900 dark:text-amber-200">⚠ {t('offline.version.unknown', { version: doc.unknownVersion })}</p>}
      {named && versionChoice !== undefined && versionChoice !== doc.version && (
        <p className={`text-sm ${MUTED_TEXT}`}>{t('offline.version.overridden', { chosen: versionChoice })}</p>
      )}
      {doc.kindGuessed && <p className="text-sm text-amber-900 dark:text-amber-200">⚠ {t('offline.kindGuessed')}</p>}
      {doc.streamKey && <p className="text-sm text-slate-700 dark:text-slate-300" data-testid="inspect-stream-key">{t(`offline.streamKey.${doc.streamKey}`)}</p>}
    </Section>
  );
}
