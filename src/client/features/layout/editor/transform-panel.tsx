import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CoordinateModel } from '../../../../shared/api-versions.ts';
import type { Size } from '../../../../shared/layout-geometry.ts';
import { regionFieldPath, type EditOp } from '../../../../shared/layout-edit/edit-ops.ts';
import type { NormalisedRegion, PixelRect, Resolved, StreamEntry } from '../../../../shared/layout-model.ts';
import type { RequestRule } from '../../../../shared/request-rules.ts';
import { ruleMessage } from '../../../design-system/request-rule-list.tsx';
import { MUTED_TEXT } from '../../../design-system/surface.ts';
import { useEnumLabel } from '../../../i18n/use-enum-label.ts';
import { NumberField } from './number-field.tsx';

interface Props {
  region: NormalisedRegion;
  label: string;
  colour: string;
  canvas: Size;
  model: CoordinateModel;
  targets: readonly StreamEntry[];
  /** The request rules the edited copy's Update body breaks, by field path. */
  rules: ReadonlyMap<string, readonly RequestRule[]>;
  onEdit: (op: EditOp, step?: string) => void;
}

const GROUP = 'grid grid-cols-2 gap-x-3 gap-y-2 sm:grid-cols-4';
const SELECT = 'mt-0.5 w-full min-w-0 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm dark:border-slate-600 dark:bg-slate-950';
const BUTTON = 'rounded-md border border-slate-300 px-3 py-1 text-sm font-medium hover:bg-slate-100 dark:border-slate-600 dark:hover:bg-slate-800';
const RENDER_MODES = [0, 1, 2, 3];

/** What the task sends for a field: the value Volcengine resets is shown as sent, a default as an empty field. */
const sent = (r: Resolved<number>): number | undefined => r.resetFrom ?? (r.defaulted ? undefined : r.value);

/**
 * OBS's transform dialog for the selected region: position and size in output pixels, SourceCrop,
 * ZOrder, Alpha, RenderMode, CornerRadius and the stream it shows, each applied as typed and
 * checked against the documented rules of the Update body it makes.
 */
export function TransformPanel({ region, label, colour, canvas, model, targets, rules, onEdit }: Props) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const titleId = useId();
  const i = region.arrayIndex;
  const path = (field: string) => regionFieldPath(i, field);
  const notes = (...fields: string[]) => fields.flatMap((f) => rules.get(path(f)) ?? []).map((r) => ({ text: ruleMessage(r, t), severe: r.effect === 'rejected' || r.effect === 'reset' }));
  const set = (field: string) => (value: number | undefined, step: string) => onEdit({ kind: 'set', path: path(field), value }, step);
  const place = (key: keyof PixelRect) => (value: number | undefined, step: string) => {
    if (value !== undefined) onEdit({ kind: 'place', regionIndex: i, rect: { ...region.rect, [key]: value } }, step);
  };
  const sizeField = (axis: 'Width' | 'Height') => (model === 'pixel' ? axis : `${axis}Proportion`);
  const adjusted = t('editor.field.placed');
  const crop = region.sourceCrop;
  const renderMode = sent(region.renderMode);
  return (
    <section aria-labelledby={titleId} data-testid="transform-panel" data-region-id={region.id} className="space-y-3">
      <h3 id={titleId} className="flex min-w-0 items-center gap-2 font-semibold">
        <span aria-hidden="true" className="inline-block h-3 w-3 shrink-0 rounded-sm ring-1 ring-slate-400" style={{ backgroundColor: colour }} />
        <span className="min-w-0 break-all">{t('editor.transform.title', { name: label })}</span>
      </h3>
      <fieldset>
        <legend className="text-sm font-medium">{t('editor.transform.placement')}</legend>
        <p className={`text-xs ${MUTED_TEXT}`}>{t(`editor.transform.placementHint.${model}`, { width: canvas.width, height: canvas.height })}</p>
        <div className={`${GROUP} mt-1`}>
          <NumberField testId="field-x" label="x" unit="px" step={1} value={region.rect.x} onCommit={place('x')} adjusted={adjusted} notes={notes('LocationX')} />
          <NumberField testId="field-y" label="y" unit="px" step={1} value={region.rect.y} onCommit={place('y')} adjusted={adjusted} notes={notes('LocationY')} />
          <NumberField testId="field-width" label={t('regions.width')} unit="px" step={1} value={region.rect.width} onCommit={place('width')} adjusted={adjusted} notes={notes(sizeField('Width'))} />
          <NumberField testId="field-height" label={t('regions.height')} unit="px" step={1} value={region.rect.height} onCommit={place('height')} adjusted={adjusted} notes={notes(sizeField('Height'))} />
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">SourceCrop</legend>
        <p className={`text-xs ${MUTED_TEXT}`}>{t('editor.transform.cropHint')}</p>
        <div className={`${GROUP} mt-1`}>
          <NumberField testId="field-crop-x" label="LocationX" step={0.01} optional value={sent(crop.x)} placeholder="0" onCommit={set('SourceCrop.LocationX')} notes={notes('SourceCrop.LocationX')} />
          <NumberField testId="field-crop-y" label="LocationY" step={0.01} optional value={sent(crop.y)} placeholder="0" onCommit={set('SourceCrop.LocationY')} notes={notes('SourceCrop.LocationY')} />
          <NumberField testId="field-crop-width" label="WidthProportion" step={0.01} optional value={sent(crop.width)} placeholder="1" onCommit={set('SourceCrop.WidthProportion')} notes={notes('SourceCrop.WidthProportion')} />
          <NumberField testId="field-crop-height" label="HeightProportion" step={0.01} optional value={sent(crop.height)} placeholder="1" onCommit={set('SourceCrop.HeightProportion')} notes={notes('SourceCrop.HeightProportion')} />
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium">{t('editor.transform.look')}</legend>
        <div className={`${GROUP} mt-1`}>
          <NumberField testId="field-zorder" label="ZOrder" step={1} optional value={sent(region.zOrder)} placeholder={t('editor.field.default', { value: 0 })} onCommit={set('ZOrder')} notes={notes('ZOrder')} />
          <NumberField testId="field-alpha" label="Alpha" step={0.05} optional value={sent(region.alpha)} placeholder={t('editor.field.default', { value: 1 })} onCommit={set('Alpha')} notes={notes('Alpha')} />
          <NumberField testId="field-corner-radius" label="CornerRadius" step={0.01} optional value={sent(region.cornerRadius)} placeholder={t('editor.field.default', { value: 0 })} onCommit={set('CornerRadius')} notes={notes('CornerRadius')} />
          <div className="col-span-2 min-w-0 sm:col-span-4">
            <label className="block text-xs font-medium">
              RenderMode
              <select
                data-testid="field-render-mode"
                className={SELECT}
                value={renderMode === undefined ? '' : String(renderMode)}
                onChange={(e) => onEdit({ kind: 'set', path: path('RenderMode'), value: e.target.value === '' ? undefined : Number(e.target.value) })}
              >
                <option value="">{t('editor.field.notSent', { value: enumLabel('renderMode', 0).label })}</option>
                {[...new Set([...RENDER_MODES, ...(renderMode === undefined ? [] : [renderMode])])].map((m) => (
                  <option key={m} value={m}>{m} · {enumLabel('renderMode', m).label}</option>
                ))}
              </select>
            </label>
            {notes('RenderMode').map((n, k) => <p key={k} className="mt-0.5 text-xs text-orange-800 dark:text-orange-300">{n.text}</p>)}
          </div>
        </div>
      </fieldset>
      <StreamField region={region} targets={targets} notes={notes('StreamIndex')} onEdit={onEdit} path={path('StreamIndex')} />
      <button type="button" data-testid="remove-region" className={BUTTON} onClick={() => onEdit({ kind: 'removeRegion', regionIndex: i })}>
        <span aria-hidden="true">✕ </span>{t('editor.transform.remove')}
      </button>
    </section>
  );
}

/** Which TargetStreams entry the region shows (StreamIndex), and a stream for an index none has. */
function StreamField({ region, targets, notes, path, onEdit }: { region: NormalisedRegion; targets: readonly StreamEntry[]; notes: { text: string; severe: boolean }[]; path: string; onEdit: Props['onEdit'] }) {
  const { t } = useTranslation();
  const enumLabel = useEnumLabel();
  const [userId, setUserId] = useState('');
  const index = region.streamIndex;
  const listed = targets.flatMap((s) => (s.index === undefined ? [] : [s as StreamEntry & { index: number }]));
  const unmatched = index !== undefined && !listed.some((s) => s.index === index);
  return (
    <fieldset>
      <legend className="text-sm font-medium">{t('editor.transform.stream')}</legend>
      <select
        data-testid="field-stream"
        aria-label={t('editor.transform.stream')}
        className={SELECT}
        value={index === undefined ? '' : String(index)}
        onChange={(e) => e.target.value !== '' && onEdit({ kind: 'set', path, value: Number(e.target.value) })}
      >
        {index === undefined && <option value="">{t('editor.transform.noIndex')}</option>}
        {listed.map((s) => (
          <option key={s.index} value={s.index}>{s.index} · {s.userId ?? '?'} · {enumLabel('streamType', s.streamType.value).label}</option>
        ))}
        {unmatched && <option value={index}>{index} · {t('regions.unmapped')}</option>}
      </select>
      {notes.map((n, k) => <p key={k} className="mt-0.5 text-xs text-orange-800 dark:text-orange-300">{n.text}</p>)}
      {unmatched && (
        <form
          className="mt-2 flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            if (userId.trim() === '') return;
            onEdit({ kind: 'addStream', userId: userId.trim(), index });
            setUserId('');
          }}
        >
          <label className="min-w-0 flex-1 text-xs font-medium">
            {t('editor.streams.userId')}
            <input value={userId} onChange={(e) => setUserId(e.target.value)} className={SELECT} autoComplete="off" spellCheck={false} />
          </label>
          <button type="submit" className={BUTTON} disabled={userId.trim() === ''}>{t('editor.transform.addStreamFor', { index })}</button>
        </form>
      )}
    </fieldset>
  );
}
