import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { API_VERSIONS, type ApiVersion } from '../api-versions.ts';
import { isRejected } from '../request-rules.ts';
import { checkBody, isPushUrlPlaceholder, PUSH_URL_PLACEHOLDER, startBody, updateBody } from './edit-body.ts';
import { applyEdit, regionFieldPath, type EditOp } from './edit-ops.ts';
import { deepFreeze, rectOn, validLayout } from './edit-test-kit.ts';

const IDS = { AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1' };

const task = deepFreeze({
  Status: 2,
  StartTime: 1700000000000,
  EndTime: 0,
  StopReason: '',
  PushStreamState: '5',
  PushURL: 'rtmp://push.example.com/live/secret-key?txSecret=abc',
  TargetStreams: { StreamList: [{ UserId: 'host', Index: 0 }] },
  ExcludeStreams: { StreamList: [{ UserId: 'bot' }] },
  Encode: { VideoFps: '30', VideoBitrate: 2000 },
  Layout: {
    LayoutMode: 2,
    CustomLayout: { Canvas: { Width: 1280, Height: 720 }, Regions: [{ StreamIndex: 0, LocationX: 0, LocationY: 0, Width: 1280, Height: 720, ApplySpatialAudio: 'false' }] },
  },
  Control: { MaxIdleTime: 180 },
});

describe('updateBody', () => {
  it('is a full update of every updatable section, with the ids and no lifecycle, PushURL or ExcludeStreams', () => {
    const body = updateBody(task, '2023-06-01', { ...IDS, BusinessId: 'team-a' }, { sequenceNumber: 12 });
    expect(Object.keys(body).sort()).toEqual(['AppId', 'BusinessId', 'Control', 'Encode', 'IsUpdatePartialParam', 'Layout', 'RoomId', 'SequenceNumber', 'TargetStreams', 'TaskId']);
    expect(body).toMatchObject({ ...IDS, BusinessId: 'team-a', IsUpdatePartialParam: false, SequenceNumber: 12, TargetStreams: task.TargetStreams });
    expect(checkBody(body, 'update', '2023-06-01')).toEqual([]);
  });

  it('sends the numbers and booleans the task gave as strings as what they are', () => {
    const body = updateBody(task, '2023-06-01', IDS) as { Encode: Record<string, unknown>; Layout: { CustomLayout: { Regions: Record<string, unknown>[] } } };
    expect(body.Encode).toEqual({ VideoFps: 30, VideoBitrate: 2000 });
    expect(body.Layout.CustomLayout.Regions[0]?.['ApplySpatialAudio']).toBe(false);
  });

  it('keeps values that are invalid as sent, so the rules report them', () => {
    const bad = applyEdit(task, '2023-06-01', { kind: 'set', path: regionFieldPath(0, 'Width'), value: 'wide' });
    const rules = checkBody(updateBody(bad, '2023-06-01', IDS, { sequenceNumber: 1 }), 'update', '2023-06-01');
    expect(rules.map((r) => [r.effect, r.code, r.path])).toEqual([['rejected', 'regionValueInvalid', 'Layout.CustomLayout.Regions[0].Width']]);
    const body = updateBody({ ...bad, Encode: { VideoFps: 'fast', VideoGop: null } }, '2023-06-01', IDS) as { Encode: Record<string, unknown>; Layout: { CustomLayout: { Regions: Record<string, unknown>[] } } };
    expect(body.Layout.CustomLayout.Regions[0]?.['Width']).toBe('wide');
    expect(body.Encode).toStrictEqual({ VideoFps: 'fast', VideoGop: null });
  });

  it('fills sections the task lacks with their defaults and advises a SequenceNumber when none is given', () => {
    const body = updateBody({ Status: 2, PushURL: 'rtmp://a/b/c' }, '2020-12-01', { ...IDS, BusinessId: '' });
    expect(body).toEqual({ ...IDS, TargetStreams: {}, Encode: {}, Layout: {}, Control: {}, IsUpdatePartialParam: false });
    expect(checkBody(body, 'update', '2020-12-01').map((r) => r.code)).toEqual(['sequenceNumberMissing']);
    expect(updateBody('nonsense', '2020-12-01', IDS)).toMatchObject({ Layout: {} });
    expect(Object.keys(updateBody(task, '2020-12-01', IDS))).not.toContain('BusinessId');
    expect(Object.keys(updateBody(task, '2020-12-01', IDS))).not.toContain('SequenceNumber');
    expect(updateBody(task, '2020-12-01', IDS, { sequenceNumber: 0 })['SequenceNumber']).toBe(0);
  });
});

describe('startBody', () => {
  it('keeps a push URL it has in full, and ExcludeStreams', () => {
    const body = startBody(task, '2023-06-01', IDS);
    expect(body['PushURL']).toBe(task.PushURL);
    expect(body['ExcludeStreams']).toEqual(task.ExcludeStreams);
    expect(body).not.toHaveProperty('Status');
    expect(isRejected(checkBody(body, 'start', '2023-06-01'))).toBe(false);
  });

  it('puts a placeholder that says so in place of a masked or missing push URL, and takes one given', () => {
    const masked = { ...task, PushURL: 'rtmp://push.example.com/live/sec••••?txSecret=••••' };
    for (const t of [masked, { ...task, PushURL: undefined }, { ...task, PushURL: '' }]) {
      const body = startBody(t, '2023-06-01', IDS);
      expect(isPushUrlPlaceholder(body['PushURL'])).toBe(true);
      expect(isRejected(checkBody(body, 'start', '2023-06-01'))).toBe(false);
    }
    expect(startBody(masked, '2023-06-01', IDS, 'rtmp://mine/live/k')['PushURL']).toBe('rtmp://mine/live/k');
    expect(startBody(masked, '2023-06-01', IDS, '')['PushURL']).toBe(PUSH_URL_PLACEHOLDER);
    expect(isPushUrlPlaceholder('rtmp://mine/live/k')).toBe(false);
  });

  it('leaves out the sections the task does not have', () => {
    expect(startBody({ PushURL: 'rtmp://a/b/c' }, '2020-12-01', IDS)).toEqual({ ...IDS, PushURL: 'rtmp://a/b/c' });
  });
});

/** Edits a person makes that keep a layout valid: moving, resizing, restyling, adding a user with their region. */
function typicalEdit(version: ApiVersion, canvas: { width: number; height: number }, regions: number): fc.Arbitrary<EditOp[]> {
  const region = fc.nat({ max: regions - 1 });
  const set = (field: string, value: fc.Arbitrary<unknown>) => fc.record({ kind: fc.constant('set' as const), path: region.map((i) => regionFieldPath(i, field)), value });
  return fc.oneof(
    fc.record({ kind: fc.constant('place' as const), regionIndex: region, rect: rectOn(canvas) }).map((op) => [op]),
    set('ZOrder', fc.integer({ min: 0, max: 100 })).map((op) => [op]),
    set('Alpha', fc.double({ min: 0.01, max: 1, noNaN: true })).map((op) => [op]),
    set('RenderMode', fc.integer({ min: 0, max: 3 })).map((op) => [op]),
    set('CornerRadius', version === '2023-11-01' ? fc.double({ min: 0, max: 1, noNaN: true }) : fc.double({ min: 0.01, max: 1, noNaN: true })).map((op) => [op]),
    set('SourceCrop', fc.record({ LocationX: fc.double({ min: 0, max: 0.5, noNaN: true }), WidthProportion: fc.double({ min: 0.1, max: 0.5, noNaN: true }) })).map((op) => [op]),
    fc.constant<EditOp[]>([{ kind: 'addStream', userId: 'new-user' }, { kind: 'addRegion' }]),
    region.map((i): EditOp[] => [{ kind: 'removeRegion', regionIndex: i }, { kind: 'removeStream', listIndex: i }]),
  );
}

describe('the bodies of typical edits', () => {
  it('pass the request rules in every version', () => {
    const scenario = fc.constantFrom(...API_VERSIONS).chain((version) => validLayout(version).chain((layout) => fc.record({
      version: fc.constant(version),
      layout: fc.constant(layout),
      edits: fc.array(typicalEdit(version, layout.canvas, 30), { maxLength: 6 }),
    })));
    fc.assert(fc.property(scenario, ({ version, layout, edits }) => {
      const edited = edits.flat().reduce<Record<string, unknown>>((doc, op) => applyEdit(doc, version, op), layout.task);
      const update = checkBody(updateBody(edited, version, IDS, { sequenceNumber: 2 }), 'update', version);
      const start = checkBody(startBody(edited, version, IDS), 'start', version);
      expect(update.filter((r) => r.effect === 'rejected' || r.effect === 'reset')).toEqual([]);
      expect(start.filter((r) => r.effect === 'rejected' || r.effect === 'reset')).toEqual([]);
    }), { numRuns: 150 });
  });
});
