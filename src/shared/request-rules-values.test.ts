import { describe, expect, it } from 'vitest';
import { checkValue, defaultText, idRule, rangeText, sectionRules, suggest, type ValueSpec } from './request-rules-values.ts';

/** The building blocks of the request rules: one optional value against its spec, IDs, names. */

const background: ValueSpec = { key: 'Background', type: 'string', default: '#000000', pattern: { re: /^#[0-9a-fA-F]{6}$/, text: '#RRGGBB' } };

describe('checkValue', () => {
  it('wants a boolean for a field whose default is one', () => {
    const spec: ValueSpec = { key: 'ApplySpatialAudio', default: true };
    expect(checkValue(spec, false, 'R.ApplySpatialAudio')).toBeUndefined();
    expect(checkValue(spec, 'yes', 'R.ApplySpatialAudio')).toEqual({ code: 'valueWrongType', path: 'R.ApplySpatialAudio', params: { field: 'R.ApplySpatialAudio', type: 'boolean', value: '"yes"', default: 'true' } });
  });

  it('checks a string\'s type, length and format, and shows a string default as it is', () => {
    expect(checkValue(background, 5, 'C.Background')).toEqual({ code: 'valueWrongType', path: 'C.Background', params: { field: 'C.Background', type: 'string', value: '5', default: '#000000' } });
    expect(checkValue(background, 'red', 'C.Background')).toEqual({ code: 'valueBadFormat', path: 'C.Background', params: { field: 'C.Background', value: '"red"', format: '#RRGGBB', default: '#000000' } });
    expect(checkValue(background, '#00ff00', 'C.Background')).toBeUndefined();
    const short: ValueSpec = { key: 'S', type: 'string', maxLength: 3 };
    expect(checkValue(short, 'abc', 'S')).toBeUndefined();
    expect(checkValue(short, 'abcd', 'S')).toEqual({ code: 'valueTooLong', path: 'S', params: { field: 'S', length: 4, max: 3 } });
    expect(checkValue({ key: 'Any', type: 'string' }, 'x'.repeat(5000), 'Any')).toBeUndefined();
  });

  it('wants a finite number, whole when the spec says so', () => {
    const fps: ValueSpec = { key: 'VideoFps', default: 15, min: 1, max: 60, integer: true };
    expect(checkValue(fps, '30', 'E.VideoFps')?.params).toEqual({ field: 'E.VideoFps', type: 'integer', value: '"30"', default: '15' });
    expect(checkValue(fps, 29.97, 'E.VideoFps')).toEqual({ code: 'valueNotInteger', path: 'E.VideoFps', params: { field: 'E.VideoFps', value: 29.97, whole: 30 } });
    expect(checkValue({ key: 'N', integer: true, min: 0, minExclusive: true, max: 2, maxExclusive: true }, 0.4, 'N')?.params['whole']).toBe(1);
    expect(checkValue({ key: 'N', integer: true, min: 0, max: 2, maxExclusive: true }, 1.7, 'N')?.params['whole']).toBe(1);
    expect(checkValue({ key: 'N', integer: true, min: 2.5, max: 3.5 }, 2.6, 'N')?.params['whole']).toBe(3);
    expect(checkValue({ key: 'Alpha', default: 1, min: 0, max: 1 }, Number.POSITIVE_INFINITY, 'R.Alpha')?.params['type']).toBe('number');
    expect(checkValue({ key: 'Alpha', default: 1, min: 0, max: 1 }, 0.5, 'R.Alpha')).toBeUndefined();
  });

  it('treats the top of an open range as outside it', () => {
    const x: ValueSpec = { key: 'LocationX', min: 0, max: 1, maxExclusive: true, default: 0 };
    expect(checkValue(x, 0.999, 'X')).toBeUndefined();
    expect(checkValue(x, 1, 'X')).toEqual({ code: 'valueOutOfRange', path: 'X', params: { field: 'X', value: 1, range: '[0, 1)', default: '0' } });
    expect(checkValue({ key: 'N', maxExclusive: true }, 1e9, 'N')).toBeUndefined();
  });

  it('suggests the nearest even value that stays in the range', () => {
    const odd: ValueSpec = { key: 'W', min: 2, max: 1921, even: true, default: 640 };
    expect(checkValue(odd, 1919, 'W')?.params).toMatchObject({ even: 1920 });
    expect(checkValue(odd, 1921, 'W')?.params).toMatchObject({ even: 1920 });
    expect(checkValue({ key: 'W', min: 2, even: true }, 7, 'W')?.params).toMatchObject({ even: 8, default: '—' });
  });
});

describe('how a spec reads', () => {
  it('lists the values of an enum and writes a missing default as a dash', () => {
    const entry = (name: string) => ({ name, label: name });
    expect(rangeText({ key: 'M', enum: { 0: entry('a'), 1: entry('b'), 2: entry('c') } })).toBe('{0, 1, 2}');
    expect(defaultText({ key: 'M' })).toBe('—');
    expect(defaultText({ key: 'M', default: 0 })).toBe('0');
    expect(defaultText({ key: 'M', default: 'x' })).toBe('x');
  });
});

describe('sectionRules', () => {
  it('says a section that is not an object is reset to {}', () => {
    expect(sectionRules(5, [background], 'Layout.CustomLayout.Canvas', '2020-12-01')).toEqual([
      { code: 'valueWrongType', path: 'Layout.CustomLayout.Canvas', params: { field: 'Layout.CustomLayout.Canvas', type: 'object', value: '5', default: '{}' } },
    ]);
  });

  it('names the field and the version that does not take it', () => {
    const only2023: ValueSpec = { key: 'New', versions: ['2023-11-01'] };
    expect(sectionRules({ New: 1 }, [only2023], 'Control', '2020-12-01')).toEqual([{ code: 'notInVersion', path: 'Control.New', params: { field: 'Control.New', version: '2020-12-01' } }]);
  });
});

describe('idRule', () => {
  it('calls null and the empty string missing, and shows a value that is not a string', () => {
    expect(idRule({ AppId: null }, 'AppId')).toEqual({ code: 'missingRequired', path: 'AppId', params: { field: 'AppId' } });
    expect(idRule({ AppId: '' }, 'AppId')?.code).toBe('missingRequired');
    expect(idRule({ AppId: 42 }, 'AppId')).toEqual({ code: 'idNotString', path: 'AppId', params: { field: 'AppId', value: '42' } });
  });

  it('takes 128 characters, not 129, and lists at most five characters it cannot take', () => {
    expect(idRule({ TaskId: 'a'.repeat(128) }, 'TaskId')).toBeUndefined();
    expect(idRule({ TaskId: 'a'.repeat(129) }, 'TaskId')?.code).toBe('idTooLong');
    expect(idRule({ TaskId: 'a b/c:d;e,f!g' }, 'TaskId')?.params['found']).toBe('" " "/" ":" ";" ","');
  });
});

describe('suggest', () => {
  it('measures the whole of both names', () => {
    const known = ['VideoFps', 'VideoWidth'];
    expect(suggest('VideoFpsXYZ', known)).toBeUndefined(); // three letters too many
    expect(suggest('Zzzzzz', known)).toBeUndefined();
    expect(suggest('VideoFpx', known)).toBe('VideoFps');
  });
});
