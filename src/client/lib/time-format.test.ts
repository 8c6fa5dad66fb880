import { describe, expect, it } from 'vitest';
import { formatDateTime } from './time-format.ts';

describe('formatDateTime', () => {
  it('writes the first hour after midnight as 00, not 24, in both languages', () => {
    const at = Date.UTC(2026, 11, 4, 0, 13, 52);
    expect(formatDateTime(at, 'en', 'UTC')).toContain('00:13:52');
    expect(formatDateTime(at, 'zh-CN', 'UTC')).toContain('00:13:52');
  });
});
