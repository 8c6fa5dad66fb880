import { describe, expect, it } from 'vitest';
import { isRejected, requestRules, RULE_EFFECT, type RequestKind, type RuleEffect } from './request-rules.ts';
import type { RuleCode } from './request-rules-text.ts';

/**
 * What Volcengine does with each broken rule, from a body that breaks it: the effect decides
 * whether a person can send the body at all, so each one is pinned by a real request.
 */

const KEY = { AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', PushURL: 'rtmp://push.example.com/live/key' };
const streams = (n: number) => ({ StreamList: Array.from({ length: n }, (_, i) => ({ UserId: `u${i}`, Index: i })) });
const ratio = (i: number) => ({ StreamIndex: i, WidthProportion: 0.01, HeightProportion: 0.5, LocationX: i * 0.02 });
const layout = (regions: unknown, canvas: unknown = { Width: 1280, Height: 720 }) => ({ LayoutMode: 2, CustomLayout: { Canvas: canvas, Regions: regions } });
const start = (extra: Record<string, unknown>) => ({ ...KEY, TargetStreams: streams(1), Layout: layout([ratio(0)]), ...extra });
const update = (extra: Record<string, unknown>) => ({ AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', SequenceNumber: 1, IsUpdatePartialParam: true, ...extra });

const CASES: Array<[RuleCode, unknown, RequestKind, RuleEffect]> = [
  ['idNotString', start({ AppId: 7 }), 'start', 'rejected'],
  ['idTooLong', start({ RoomId: 'r'.repeat(129) }), 'start', 'rejected'],
  ['idCharset', start({ TaskId: 'a/b' }), 'start', 'rejected'],
  ['streamInvalid', start({ TargetStreams: { StreamList: [7] } }), 'start', 'rejected'],
  ['streamUserIdInvalid', start({ TargetStreams: { StreamList: [{ UserId: 'a b', Index: 0 }] } }), 'start', 'rejected'],
  ['streamIndexInvalid', start({ TargetStreams: { StreamList: [{ UserId: 'a', Index: -1 }] } }), 'start', 'rejected'],
  ['duplicateIndex', start({ TargetStreams: { StreamList: [{ UserId: 'a', Index: 0 }, { UserId: 'b', Index: 0 }] } }), 'start', 'rejected'],
  ['tooManyStreams', start({ TargetStreams: streams(31) }), 'start', 'rejected'],
  ['tooManyRegions', start({ TargetStreams: streams(31), Layout: layout(Array.from({ length: 31 }, (_, i) => ratio(i))) }), 'start', 'rejected'],
  ['regionUnmatched', start({ Layout: layout([ratio(0), ratio(5)]) }), 'start', 'rejected'],
  ['targetWithoutRegion', start({ TargetStreams: streams(2) }), 'start', 'rejected'],
  ['targetWithoutIndex', start({ TargetStreams: { StreamList: [{ UserId: 'u0', Index: 0 }, { UserId: 'b' }] } }), 'start', 'rejected'],
  ['duplicateStreamIndex', start({ Layout: layout([ratio(0), ratio(0)]) }), 'start', 'rejected'],
  ['regionsNotList', start({ Layout: layout({ StreamIndex: 0 }) }), 'start', 'rejected'],
  ['regionNotObject', start({ Layout: layout([ratio(0), 'r']) }), 'start', 'rejected'],
  ['regionValueInvalid', start({ Layout: layout([{ ...ratio(0), LocationY: -1 }]) }), 'start', 'rejected'],
  ['regionPixelsAsRatio', start({ Layout: layout([{ ...ratio(0), LocationY: 360 }]) }), 'start', 'rejected'],
  ['valueBadFormat', start({ Layout: layout([ratio(0)], { Width: 1280, Height: 720, Background: 'red' }) }), 'start', 'reset'],
  ['valueTooLong', start({ Layout: layout([{ ...ratio(0), AlternateImage: 'x'.repeat(1025) }]) }), 'start', 'reset'],
  ['notPerpendicular', start({ Control: { SpatialConfig: { AudienceSpatialOrientation: { Right: [1, 0, 0] } } } }), 'start', 'reset'],
  ['unknownFieldSuggest', start({ Encode: { VideoFPS: 30 } }), 'start', 'ignored'],
  ['customLayoutIgnored', start({ Layout: { ...layout([ratio(0)]), LayoutMode: 0 } }), 'start', 'ignored'],
  ['notUpdatable', update({ PushURL: 'rtmp://a/b' }), 'update', 'ignored'],
  ['notAnObject', [], 'start', 'rejected'],
  ['missingRequired', start({ PushURL: '' }), 'start', 'rejected'],
  ['pushUrlNotRtmp', start({ PushURL: 'http://a/b' }), 'start', 'rejected'],
  ['sequenceNumberMissing', update({ SequenceNumber: undefined }), 'update', 'advice'],
  ['sequenceNumberInvalid', update({ SequenceNumber: -1 }), 'update', 'rejected'],
  ['partialFlagInvalid', update({ IsUpdatePartialParam: 'yes' }), 'update', 'rejected'],
  ['fullUpdateOmits', update({ IsUpdatePartialParam: false }), 'update', 'advice'],
  ['streamListInvalid', start({ TargetStreams: 'all' }), 'start', 'rejected'],
  ['regionRequired', start({ Layout: layout([{ StreamIndex: 0 }]) }), 'start', 'rejected'],
  ['valueOutOfRange', start({ Encode: { VideoFps: 120 } }), 'start', 'reset'],
  ['valueOdd', start({ Encode: { VideoWidth: 641 } }), 'start', 'reset'],
  ['valueWrongType', start({ Encode: { VideoFps: 'fast' } }), 'start', 'reset'],
  ['notInVersion', start({ Control: { SEIConfig: {} } }), 'start', 'ignored'],
  ['unknownField', start({ Zzzzzz: 1 }), 'start', 'ignored'],
  ['valueNotInteger', start({ Encode: { VideoFps: 29.97 } }), 'start', 'rejected'],
  ['businessIdNotString', update({ BusinessId: 7 }), 'update', 'rejected'],
];

/** SEIConfig exists from 2023-06-01 on. */
const SEI_CASES: Array<[RuleCode, Record<string, unknown>, RuleEffect]> = [
  ['seiUuidMissing', { SEIPayLoadType: 5 }, 'rejected'],
  ['seiUuidInvalid', { SEIPayLoadType: 5, SEIPayloadUUID: 'VolcengineRTCSEI' }, 'rejected'],
  ['seiUuidIgnored', { SEIPayLoadType: 100, SEIPayloadUUID: '566f6c63656e67696e65525443534549' }, 'ignored'],
];

describe('requestRules: the effect of each rule, from a body that breaks it', () => {
  it.each(CASES)('%s', (code, body, kind, effect) => {
    const rules = requestRules(body, kind, '2020-12-01');
    const found = rules.find((r) => r.code === code);
    expect(found?.effect).toBe(effect);
    // Every rule says what is wrong and how to fix it, in words a person can act on.
    expect(found?.message.length).toBeGreaterThan(20);
    expect(found?.fix.length).toBeGreaterThan(10);
    expect(isRejected(rules)).toBe(rules.some((r) => r.effect === 'rejected'));
  });

  it('covers every rule code (the table above is complete)', () => {
    expect([...CASES.map(([code]) => code), ...SEI_CASES.map(([code]) => code), 'regionNotInteger'].sort()).toEqual(Object.keys(RULE_EFFECT).sort());
  });

  it.each(SEI_CASES)('%s (2023 SEIConfig)', (code, sei, effect) => {
    const rules = requestRules(start({ Control: { SEIConfig: sei } }), 'start', '2023-06-01');
    expect(rules.filter((r) => r.path.startsWith('Control')).map((r) => [r.code, r.effect])).toEqual([[code, effect]]);
  });

  it('regionNotInteger (2023 pixels) is rejected', () => {
    const rules = requestRules(start({ Layout: layout([{ StreamIndex: 0, Width: 10.5, Height: 10 }]) }), 'start', '2023-11-01');
    expect(rules.map((r) => [r.code, r.effect])).toEqual([['regionNotInteger', 'rejected']]);
    expect(isRejected(rules)).toBe(true);
  });

  it('does not call a body rejected when it only has values Volcengine resets or ignores', () => {
    const rules = requestRules(start({ Encode: { VideoFps: 120 }, Extra: 1 }), 'start', '2020-12-01');
    expect(rules.map((r) => r.effect)).toEqual(['reset', 'ignored']);
    expect(isRejected(rules)).toBe(false);
  });
});

describe('requestRules: top-level paths and params', () => {
  it('names the missing PushURL and the field an update ignores', () => {
    expect(requestRules({ ...KEY, PushURL: undefined }, 'start', '2020-12-01').find((r) => r.code === 'missingRequired')?.params).toEqual({ field: 'PushURL' });
    expect(requestRules(update({ ExcludeStreams: {} }), 'update', '2020-12-01').map((r) => [r.id, r.params])).toEqual([['notUpdatable:ExcludeStreams', { field: 'ExcludeStreams' }]]);
  });

  it('puts an update\'s unknown keys at the root, and knows BusinessId in both kinds', () => {
    expect(requestRules(update({ Foo: 1, BusinessId: 'b' }), 'update', '2020-12-01').map((r) => r.id)).toEqual(['unknownField:Foo']);
    expect(requestRules(start({ BusinessId: 'b' }), 'start', '2020-12-01')).toEqual([]);
  });

  it('has no opinion on an absent partial flag, and shows a bad one', () => {
    const full = { ...update({}), IsUpdatePartialParam: undefined, TargetStreams: streams(1), Encode: {}, Layout: layout([ratio(0)]), Control: {} };
    expect(requestRules(full, 'update', '2020-12-01')).toEqual([]);
    const bad = requestRules(update({ IsUpdatePartialParam: 1 }), 'update', '2020-12-01').filter((r) => r.code === 'partialFlagInvalid');
    expect(bad.map((r) => [r.id, r.params])).toEqual([['partialFlagInvalid:IsUpdatePartialParam', { value: '1' }]]);
  });

  it('gives whole-body rules the root path', () => {
    expect(requestRules(update({ IsUpdatePartialParam: false }), 'update', '2020-12-01').map((r) => r.id)).toEqual(['fullUpdateOmits:']);
    expect(requestRules('text', 'start', '2020-12-01').map((r) => r.id)).toEqual(['notAnObject:']);
  });

  it('judges the region mapping of every start, and of a full update', () => {
    const unmatched = (body: unknown, kind: RequestKind) => requestRules(body, kind, '2020-12-01').map((r) => r.code).includes('regionUnmatched');
    expect(unmatched(start({ IsUpdatePartialParam: true, Layout: layout([ratio(0), ratio(5)]) }), 'start')).toBe(true);
    expect(unmatched({ ...update({}), IsUpdatePartialParam: false, TargetStreams: streams(1), Layout: layout([ratio(0), ratio(5)]) }, 'update')).toBe(true);
  });
});
