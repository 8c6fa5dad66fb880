import { describe, expect, it } from 'vitest';
import { parseTask } from './parse-task.ts';

const issues = (raw: unknown) => parseTask(raw).issues.map(({ path, expected, got }) => ({ path, expected, got }));

describe('parseTask issues', () => {
  it('name the documented type and the value sent, as JSON', () => {
    const found = issues({ Status: 'x', PushURL: 5, Control: { VolumeIndicationMode: 'yes' }, Encode: [], TargetStreams: { StreamList: 'a' } });
    expect(found).toHaveLength(5);
    expect(found).toEqual(expect.arrayContaining([
      { path: 'Status', expected: 'number', got: '"x"' },
      { path: 'PushURL', expected: 'string', got: '5' },
      { path: 'Control.VolumeIndicationMode', expected: 'boolean', got: '"yes"' },
      { path: 'Encode', expected: 'object', got: '[]' },
      { path: 'TargetStreams.StreamList', expected: 'list', got: '"a"' },
    ]));
  });

  it('abbreviates lists, objects and long strings', () => {
    expect(issues({ Status: [1, 2], StartTime: { a: 1 }, StopReason: 7, PushURL: null })).toEqual(expect.arrayContaining([
      { path: 'Status', expected: 'number', got: '[…]' },
      { path: 'StartTime', expected: 'number', got: '{…}' },
      { path: 'PushURL', expected: 'string', got: 'null' },
    ]));
    const long = issues({ Status: 'x'.repeat(100) })[0]?.got ?? '';
    expect(long.length).toBeLessThanOrEqual(43);
    expect(long.endsWith('…"')).toBe(true);
  });

  it('says in English what was ignored, from the shared template', () => {
    expect(parseTask({ Layout: { CustomLayout: { Regions: [{ StreamIndex: 0, Alpha: 'half' }] } } }).issues).toEqual([{
      path: 'Layout.CustomLayout.Regions[0].Alpha', expected: 'number', got: '"half"',
      message: 'expected a number or a numeric string, got "half". Ignored, the documented default applies.',
    }]);
    expect(parseTask('task').issues).toEqual([{ path: '(task)', expected: 'object', got: '"task"', message: 'expected an object, got "task".' }]);
  });
});
