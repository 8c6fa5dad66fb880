import { describe, expect, it } from 'vitest';
import { CONTROL_FIELDS, ENCODE_FIELDS, SEI_FIELDS, SPATIAL_FIELDS, resolveFields } from '../../../shared/volc-field-specs.ts';
import { VIDEO_CODEC } from '../../../shared/volc-enums.ts';
import { enumTableId, fieldsNotInVersion, noteKey, rangePhrases, streamsNotInBody, unknownKeys, valueText, verdictPhrase } from './config-panels-format.ts';
import { panelsMessagesEn, panelsMessagesZh } from '../../i18n/messages/config-panels-messages.ts';

const spec = (key: string, specs = ENCODE_FIELDS) => specs.find((s) => s.key === key)!;

describe('rangePhrases', () => {
  it('gives a closed range with its unit, and evenness', () => {
    expect(rangePhrases(spec('VideoWidth'))).toEqual([
      { key: 'panels.range.between', params: { min: '2', max: '1920', unit: 'px' } },
      { key: 'panels.range.even' },
    ]);
  });
  it('gives a lower bound alone and a list of allowed values', () => {
    expect(rangePhrases(spec('VolumeIndicationInterval', CONTROL_FIELDS))).toEqual([{ key: 'panels.range.atLeast', params: { min: '1', unit: 's' } }]);
    expect(rangePhrases(spec('AudioSampleRate'))).toEqual([{ key: 'panels.range.oneOf', params: { values: '32000, 44100, 48000', unit: 'Hz' } }]);
  });
});

describe('valueText', () => {
  it('adds the unit to numbers', () => {
    expect(valueText(4000, 'Kbps')).toBe('4000 Kbps');
    expect(valueText(0.30000000000000004, 's')).toBe('0.3 s');
  });
  it('names adaptive and unsent values with phrases', () => {
    expect(valueText('adaptive', 'Kbps')).toEqual({ key: 'panels.adaptive' });
    expect(valueText(undefined, undefined)).toEqual({ key: 'panels.notSent' });
  });
  it('writes lists and objects', () => {
    expect(valueText([0, -50, 100], undefined)).toBe('[0, -50, 100]');
    expect(valueText({ Forward: [1, 0, 0], Up: [0, 0, 1] }, undefined)).toBe('Forward [1, 0, 0], Up [0, 0, 1]');
  });
});

describe('verdictPhrase', () => {
  it('says when a sent value is out of the documented range', () => {
    const [fps] = resolveFields([spec('VideoFps')], { VideoFps: 90 }, '2020-12-01');
    expect(verdictPhrase(fps!)).toEqual({ key: 'panels.verdict.above' });
    const [ok] = resolveFields([spec('VideoFps')], { VideoFps: 30 }, '2020-12-01');
    expect(verdictPhrase(ok!)).toBeUndefined();
  });
});

describe('noteKey', () => {
  it('keys a version-only note apart from the common one', () => {
    const [bitrate2020] = resolveFields([spec('VideoBitrate')], {}, '2020-12-01');
    const [bitrate2023] = resolveFields([spec('VideoBitrate')], {}, '2023-11-01');
    expect(noteKey('Encode', ENCODE_FIELDS, bitrate2020!, '2020-12-01')).toBeUndefined();
    expect(noteKey('Encode', ENCODE_FIELDS, bitrate2023!, '2023-11-01')).toBe('panels.notes.Encode_VideoBitrate_20231101');
  });
  it('has an English and a Chinese text for every note any version shows', () => {
    const sections = [['Encode', ENCODE_FIELDS], ['Control', CONTROL_FIELDS], ['SpatialConfig', SPATIAL_FIELDS], ['SEIConfig', SEI_FIELDS]] as const;
    for (const version of ['2020-12-01', '2023-06-01', '2023-11-01'] as const) {
      for (const [section, specs] of sections) {
        for (const field of resolveFields(specs, {}, version)) {
          const key = noteKey(section, specs, field, version)?.replace('panels.notes.', '');
          if (!key) continue;
          expect({ key, en: key in panelsMessagesEn.notes }).toEqual({ key, en: true });
          expect({ key, zh: key in panelsMessagesZh.notes }).toEqual({ key, zh: true });
        }
      }
    }
  });
});

describe('fieldsNotInVersion', () => {
  it('lists what a version dropped', () => {
    expect(fieldsNotInVersion(CONTROL_FIELDS, '2023-11-01')).toEqual(['MaxRecordTime', 'TalkVolume', 'VolumeIndicationMode', 'VolumeIndicationInterval']);
    expect(fieldsNotInVersion(CONTROL_FIELDS, '2020-12-01')).toEqual([]);
  });
});

describe('unknownKeys and enumTableId', () => {
  it('lists undocumented keys, leaving nested sections alone', () => {
    expect(unknownKeys({ MediaType: 0, SEIConfig: {}, Extra: 1 }, CONTROL_FIELDS, ['SEIConfig', 'SpatialConfig'])).toEqual(['Extra']);
  });
  it('finds the translation id of a table', () => {
    expect(enumTableId(VIDEO_CODEC)).toBe('videoCodec');
    expect(enumTableId(undefined)).toBeUndefined();
  });
});

describe('streamsNotInBody', () => {
  const sent = { TargetStreams: { StreamList: [] } };
  it('reads every list of a task and a Start body as a list', () => {
    for (const source of ['task', 'start-request'] as const) {
      expect(streamsNotInBody({}, 'TargetStreams', source)).toBeUndefined();
      expect(streamsNotInBody({}, 'ExcludeStreams', source)).toBeUndefined();
    }
  });
  it('says an Update, full or partial, cannot change ExcludeStreams', () => {
    expect(streamsNotInBody({ ExcludeStreams: { StreamList: [] } }, 'ExcludeStreams', 'update-request')).toBe('notUpdatable');
    expect(streamsNotInBody({}, 'ExcludeStreams', 'partial-update-request')).toBe('notUpdatable');
  });
  it('keeps the task\'s TargetStreams only when a partial Update leaves them out', () => {
    expect(streamsNotInBody({}, 'TargetStreams', 'partial-update-request')).toBe('keptUnsent');
    expect(streamsNotInBody(sent, 'TargetStreams', 'partial-update-request')).toBeUndefined();
    // A full Update that leaves them out puts back the default (every stream of the room).
    expect(streamsNotInBody({}, 'TargetStreams', 'update-request')).toBeUndefined();
  });
});
