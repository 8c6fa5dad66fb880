import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ApiVersion } from './api-versions.ts';
import { requestRules, type RequestKind } from './request-rules.ts';

/**
 * The rules that follow from the API's types (the official SDK models): Int32 fields take no
 * fraction, BusinessId is a string, and SEIPayloadUUID depends on SEIPayLoadType.
 */

const KEY = { AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', PushURL: 'rtmp://push.example.com/live/key' };
const UPDATE = { AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1', SequenceNumber: 3 };
const found = (body: unknown, version: ApiVersion, kind: RequestKind = 'start') =>
  requestRules(body, kind, version).map((r) => `${r.effect} ${r.code} ${r.path}`);

/** Every Int32 field the issue names, where it lives, the versions that have it and a valid range. */
const INT_FIELDS: { section: 'Encode' | 'Control' | 'Layout'; key: string; versions: ApiVersion[]; min: number; max: number }[] = [
  { section: 'Encode', key: 'VideoFps', versions: ['2020-12-01', '2023-06-01', '2023-11-01'], min: 1, max: 60 },
  { section: 'Encode', key: 'VideoBitrate', versions: ['2020-12-01', '2023-06-01', '2023-11-01'], min: 1, max: 10000 },
  { section: 'Encode', key: 'VideoGop', versions: ['2020-12-01', '2023-06-01', '2023-11-01'], min: 1, max: 5 },
  { section: 'Encode', key: 'AudioBitrate', versions: ['2020-12-01', '2023-06-01', '2023-11-01'], min: 32, max: 192 },
  { section: 'Control', key: 'MaxIdleTime', versions: ['2020-12-01', '2023-06-01', '2023-11-01'], min: 10, max: 86400 },
  { section: 'Control', key: 'TalkVolume', versions: ['2020-12-01'], min: 0, max: 255 },
  { section: 'Control', key: 'VolumeIndicationInterval', versions: ['2020-12-01'], min: 1, max: 3600 },
  { section: 'Control', key: 'MaxRecordTime', versions: ['2020-12-01', '2023-06-01'], min: 0, max: 86400 },
  { section: 'Layout', key: 'MainVideoStreamIndex', versions: ['2020-12-01'], min: 0, max: 16 },
];

const bodyWith = (section: string, key: string, value: number) => ({ ...KEY, [section]: { [key]: value } });

describe('Int32 fields given a fraction', () => {
  it.each(INT_FIELDS)('rejects a fractional $section.$key and takes a whole one in range', ({ section, key, versions, min, max }) => {
    fc.assert(fc.property(
      fc.constantFrom(...versions),
      fc.integer({ min, max: max - 1 }),
      fc.double({ min: 0.001, max: 0.999, noNaN: true }),
      (version, whole, part) => {
        expect(found(bodyWith(section, key, whole), version)).toEqual([]);
        expect(found(bodyWith(section, key, whole + part), version)).toEqual([`rejected valueNotInteger ${section}.${key}`]);
      },
    ), { numRuns: 60 });
  });

  it('suggests the nearest whole number the range still takes', () => {
    const rule = (value: number) => requestRules(bodyWith('Encode', 'VideoFps', value), 'start', '2023-11-01')[0];
    expect(rule(29.97)?.params).toEqual({ field: 'Encode.VideoFps', value: 29.97, whole: 30 });
    expect(rule(60.4)?.params['whole']).toBe(60);
    expect(rule(0.6)?.params['whole']).toBe(1);
    expect(rule(29.97)?.message).toContain('Int32');
  });

  it('keeps 2023 SEIConfig.VolumeIndicationInterval a fraction-taking Float32', () => {
    const sei = (v: number) => ({ ...KEY, Control: { SEIConfig: { VolumeIndicationInterval: v } } });
    expect(found(sei(0.5), '2023-06-01')).toEqual([]);
    expect(found(sei(0.3), '2023-11-01')).toEqual([]);
    expect(found(sei(0.4), '2023-06-01')).toEqual(['reset valueOutOfRange Control.SEIConfig.VolumeIndicationInterval']);
  });

  it('rejects fractions in enum and region Int32 fields too, and leaves a wrong type to be reset', () => {
    expect(found({ ...KEY, Layout: { LayoutMode: 2.5 } }, '2020-12-01')).toEqual(['rejected valueNotInteger Layout.LayoutMode']);
    expect(found({ ...KEY, Encode: { VideoFps: '30' } }, '2020-12-01')).toEqual(['reset valueWrongType Encode.VideoFps']);
    expect(found({ ...KEY, Encode: { VideoFps: 0 } }, '2020-12-01')).toEqual(['reset valueOutOfRange Encode.VideoFps']);
    expect(found({ ...KEY, Layout: { MainVideoStreamIndex: 1 } }, '2023-11-01')).toEqual(['ignored notInVersion Layout.MainVideoStreamIndex']);
  });
});

describe('BusinessId', () => {
  it('takes a string or nothing, and rejects anything else', () => {
    fc.assert(fc.property(fc.string(), (id) => {
      expect(found({ ...KEY, BusinessId: id }, '2023-11-01')).toEqual([]);
    }));
    expect(found({ ...KEY, BusinessId: null }, '2020-12-01')).toEqual([]);
    for (const value of [42, true, ['a'], { id: 'a' }]) {
      expect(found({ ...KEY, BusinessId: value }, '2020-12-01')).toEqual(['rejected businessIdNotString BusinessId']);
      expect(found({ ...UPDATE, BusinessId: value, IsUpdatePartialParam: true }, '2023-06-01', 'update')).toEqual(['rejected businessIdNotString BusinessId']);
    }
  });
});

describe('SEIPayloadUUID', () => {
  const UUID = '566f6c63656e67696e65525443534549';
  const PATH = 'Control.SEIConfig.SEIPayloadUUID';
  const sei = (config: Record<string, unknown>) => ({ ...KEY, Control: { SEIConfig: config } });
  const hex32 = fc.stringMatching(/^[0-9a-fA-F]{32}$/);
  const notHex32 = fc.string().filter((s) => !/^[0-9a-fA-F]{32}$/.test(s));

  it('with payload type 5: takes 32 hex digits, rejects anything else and rejects its absence', () => {
    fc.assert(fc.property(hex32, fc.constantFrom<ApiVersion>('2023-06-01', '2023-11-01'), (uuid, version) => {
      expect(found(sei({ SEIPayLoadType: 5, SEIPayloadUUID: uuid }), version)).toEqual([]);
    }));
    fc.assert(fc.property(notHex32, (uuid) => {
      expect(found(sei({ SEIPayLoadType: 5, SEIPayloadUUID: uuid }), '2023-11-01')).toEqual([`rejected seiUuidInvalid ${PATH}`]);
    }));
    expect(found(sei({ SEIPayLoadType: 5, SEIPayloadUUID: 7 }), '2023-11-01')).toEqual([`rejected seiUuidInvalid ${PATH}`]);
    expect(found(sei({ SEIPayLoadType: 5, SEIPayloadUUID: `${UUID.slice(0, 8)}-${UUID.slice(8, 31)}` }), '2023-06-01')).toEqual([`rejected seiUuidInvalid ${PATH}`]);
    expect(found(sei({ SEIPayLoadType: 5 }), '2023-06-01')).toEqual([`rejected seiUuidMissing ${PATH}`]);
  });

  it('with payload type 100, sent or by default, ignores any UUID rather than calling it malformed', () => {
    fc.assert(fc.property(fc.oneof(hex32, notHex32), fc.constantFrom<Record<string, unknown>>({ SEIPayLoadType: 100 }, {}), (uuid, type) => {
      const rules = requestRules(sei({ ...type, SEIPayloadUUID: uuid }), 'start', '2023-11-01');
      expect(rules.map((r) => `${r.effect} ${r.code} ${r.path}`)).toEqual([`ignored seiUuidIgnored ${PATH}`]);
      expect(rules[0]?.params['type']).toBe(100);
    }));
    expect(found(sei({ SEIPayLoadType: 100 }), '2023-11-01')).toEqual([]);
  });

  it('treats an invalid payload type as reset to 100, so the UUID is ignored', () => {
    expect(found(sei({ SEIPayLoadType: 6, SEIPayloadUUID: 'x' }), '2023-11-01')).toEqual([
      'reset valueOutOfRange Control.SEIConfig.SEIPayLoadType', `ignored seiUuidIgnored ${PATH}`,
    ]);
  });

  it('leaves a partial update that keeps the task\'s payload type or UUID unjudged', () => {
    const partial = (config: Record<string, unknown>) => ({ ...UPDATE, IsUpdatePartialParam: true, Control: { SEIConfig: config } });
    expect(found(partial({ SEIPayloadUUID: 'not-hex' }), '2023-11-01', 'update')).toEqual([]);
    expect(found(partial({ SEIPayLoadType: 5 }), '2023-11-01', 'update')).toEqual([]);
    expect(found(partial({ SEIPayLoadType: 5, SEIPayloadUUID: 'not-hex' }), '2023-11-01', 'update')).toEqual([`rejected seiUuidInvalid ${PATH}`]);
    const full = { ...UPDATE, TargetStreams: {}, Encode: {}, Layout: {}, Control: { SEIConfig: { SEIPayLoadType: 5 } } };
    expect(found(full, '2023-11-01', 'update')).toEqual([`rejected seiUuidMissing ${PATH}`]);
  });
});
