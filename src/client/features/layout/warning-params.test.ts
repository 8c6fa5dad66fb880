import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import { layoutWarnings } from '../../../shared/layout-warnings.ts';
import { buildTaskModel } from '../../../shared/task-model.ts';
import { nameMessagesZh } from '../../i18n/name-messages.ts';
import { parseIssueMessagesZh } from '../../i18n/parse-issue-messages.ts';
import { inspectorMessagesZh } from '../../i18n/messages/layout-messages.ts';
import { localWarningParams } from './warning-params.ts';

const t = await (async () => {
  const i18n = i18next.createInstance();
  await i18n.init({ lng: 'zh', resources: { zh: { translation: { names: nameMessagesZh, parseIssue: parseIssueMessagesZh, inspector: inspectorMessagesZh } } }, interpolation: { escapeValue: false } });
  return i18n.t.bind(i18n);
})();

const R = (StreamIndex: number, x: number, extra: Record<string, unknown> = {}) => ({ StreamIndex, LocationX: x, LocationY: 0, WidthProportion: 0.5, HeightProportion: 0.5, ...extra });

function paramsOf(task: Record<string, unknown>, code: string) {
  const model = buildTaskModel(task, '2020-12-01');
  const w = layoutWarnings(model).find((x) => x.code === code);
  if (!w) throw new Error(`no ${code} warning`);
  const regions = new Map(model.layout.regions.map((r) => [r.id, r]));
  return localWarningParams(w, t, 'zh', { regions, targets: model.targets, modeName: (m) => `模式${m}` });
}

describe('localWarningParams in Chinese', () => {
  it('names a hidden screen share and the regions above it', () => {
    const p = paramsOf({
      TargetStreams: { StreamList: [{ UserId: 'slides', Index: 0, StreamType: 1 }, { UserId: 'a', Index: 1 }, { UserId: 'b', Index: 2 }] },
      Layout: { LayoutMode: 2, CustomLayout: { Regions: [R(0, 0, { WidthProportion: 1, HeightProportion: 1 }), R(1, 0, { WidthProportion: 0.5, HeightProportion: 1 }), R(2, 0.5, { WidthProportion: 0.5, HeightProportion: 1 })] } },
    }, 'hiddenFully');
    expect(p.region).toBe('"slides"（StreamIndex 0，屏幕共享）');
    expect(p.above).toBe('"a"（StreamIndex 1）和"b"（StreamIndex 2）');
  });

  it('names the layout mode and a template cell in the reader’s words', () => {
    const p = paramsOf({ TargetStreams: { StreamList: [{ UserId: 'a' }, { UserId: 'b' }] }, Layout: { LayoutMode: 0 } }, 'approximateLayout');
    expect(p.modeName).toBe('模式0');
  });

  it('translates what the parser ignored', () => {
    const p = paramsOf({ TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }] }, Layout: { LayoutMode: 2, CustomLayout: { Regions: [R(0, 0, { Alpha: 'half' })] } } }, 'parseIssue');
    expect(p.detail).toBe('应为数字或数字字符串，实际为 "half"。已忽略，按文档默认值处理。');
  });

  it('rebuilds the SourceCrop details', () => {
    const p = paramsOf({ TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }] }, Layout: { LayoutMode: 2, CustomLayout: { Regions: [R(0, 0, { SourceCrop: { LocationX: 0.6, WidthProportion: 0.6 } })] } } }, 'cropOutsideFrame');
    expect(p.region).toBe('"a"（StreamIndex 0）');
    expect(String(p.details)).toContain('SourceCrop 超出画面边缘');
  });

  it('names a stream without a region, and streams sharing an Index', () => {
    const task = {
      TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }, { UserId: 'b', Index: 1, StreamType: 1 }, { UserId: 'c', Index: 1 }] },
      Layout: { LayoutMode: 2, CustomLayout: { Regions: [R(0, 0)] } },
    };
    expect(paramsOf(task, 'targetWithoutRegion').stream).toBe('"b"（屏幕共享）');
    expect(paramsOf(task, 'duplicateTargetIndex').streams).toBe('"b"（屏幕共享）和"c"');
  });
});
