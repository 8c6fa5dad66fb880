import { useTranslation } from 'react-i18next';
import type { NormalisedRegion } from '../../../shared/layout-model.ts';
import { regionLabel } from './draw-boxes.ts';
import type { ImageNote } from './use-layout-images.ts';
import { MUTED_TEXT } from '../../design-system/surface.ts';

/** Images that did not (or not yet) reach the canvas, in words. */
export function ImageNotes({ notes, regions }: { notes: readonly ImageNote[]; regions: readonly NormalisedRegion[] }) {
  const { t } = useTranslation();
  if (notes.length === 0) return null;
  return (
    <ul data-testid="image-notes" className="mt-2 space-y-1 text-sm">
      {notes.map((note) => {
        const region = note.regionId ? regions.find((r) => r.id === note.regionId) : undefined;
        const what = region ? t('inspector.image.alternate', { region: regionLabel(region) }) : t('inspector.image.background');
        const fallback = region ? t('inspector.image.fallbackAlternate') : t('inspector.image.fallbackBackground');
        const { state } = note;
        const text =
          state.status === 'loading' ? t('inspector.image.loading', { what })
            : state.status === 'failed' ? t('inspector.image.failed', { what, url: note.url, fallback })
              : t(`inspector.image.blocked_${state.reason}`, { what, url: note.url });
        const problem = state.status !== 'loading';
        return (
          <li
            key={note.key}
            data-image-status={state.status}
            className={`wrap-anywhere ${problem ? 'text-amber-900 dark:text-amber-200' : MUTED_TEXT}`}
          >
            <span aria-hidden="true">{problem ? '⚠ ' : '… '}</span>{text}
          </li>
        );
      })}
    </ul>
  );
}
