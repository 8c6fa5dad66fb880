import { useTranslation } from 'react-i18next';
import { CONTROL_FIELDS, ENCODE_FIELDS, SEI_FIELDS, SPATIAL_FIELDS } from '../../../shared/volc-field-specs.ts';
import type { FieldSource } from '../../../shared/task-document.ts';
import type { TaskModel } from '../../../shared/task-model.ts';
import { FieldPanel } from './config-panels-fields.tsx';
import { StreamsPanel } from './config-panels-streams.tsx';
import { Section } from '../../design-system/section.tsx';
import { MUTED_TEXT } from '../../design-system/surface.ts';

const SEI_VERSIONS = new Set(['2023-06-01', '2023-11-01']);

/** Encode, Control (with SpatialConfig and SEIConfig) and both stream lists, with units, ranges and defaults. */
export function ConfigPanels({ model, source = 'task' }: { model: TaskModel; source?: FieldSource }) {
  const { t } = useTranslation();
  const { version, task } = model;
  const control = task.Control;
  const kept = source === 'partial-update-request';
  return (
    <Section aria-labelledby="config-title" data-testid="config-panels">
      <h2 id="config-title" className="text-lg font-semibold">{t('panels.title')}</h2>
      <p className={`mb-3 text-sm ${MUTED_TEXT}`}>{t(kept ? 'panels.introPartial' : 'panels.intro', { version })}</p>
      <div className="grid gap-x-6 gap-y-5 xl:grid-cols-2">
        <FieldPanel section="Encode" specs={ENCODE_FIELDS} raw={task.Encode} version={version} keptWhenUnsent={kept} />
        <FieldPanel section="Control" specs={CONTROL_FIELDS} raw={control} version={version} nested={SEI_VERSIONS.has(version) ? ['SpatialConfig', 'SEIConfig'] : ['SpatialConfig']} keptWhenUnsent={kept} />
        <FieldPanel section="SpatialConfig" specs={SPATIAL_FIELDS} raw={control?.SpatialConfig} version={version} keptWhenUnsent={kept} />
        {SEI_VERSIONS.has(version) && <FieldPanel section="SEIConfig" specs={SEI_FIELDS} raw={control?.SEIConfig} version={version} keptWhenUnsent={kept} />}
        <StreamsPanel model={model} which="TargetStreams" source={source} />
        <StreamsPanel model={model} which="ExcludeStreams" source={source} />
      </div>
    </Section>
  );
}
