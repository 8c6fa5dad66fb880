import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { taskRefFromSearch, taskRefKey, taskRefToSearch, validateTaskRef } from './task-ref.ts';

describe('validateTaskRef', () => {
  it('accepts a server task and a client task', () => {
    expect(validateTaskRef({ appId: 'a1', roomId: 'r1', taskId: 't1' })).toEqual({ ok: true, ref: { appId: 'a1', roomId: 'r1', taskId: 't1', version: '2020-12-01' } });
    const client = validateTaskRef({ appId: 'a1', roomId: 'r1', userId: 'u1', taskId: 'u1@@t2', version: '2023-11-01' });
    expect(client.ok && client.ref).toEqual({ appId: 'a1', roomId: 'r1', userId: 'u1', taskId: 'u1@@t2', version: '2023-11-01' });
  });

  it('requires AppId, RoomId and one of TaskId or UserId', () => {
    const result = validateTaskRef({ appId: ' ', roomId: '' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => `${i.field}:${i.code}`)).toEqual(['appId:required', 'roomId:required', 'taskId:needTaskOrUser']);
  });

  it('names the characters that are not allowed', () => {
    const result = validateTaskRef({ appId: 'a b', roomId: 'r/1', taskId: 't' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.issues[0]).toMatchObject({ field: 'appId', code: 'charset' });
      expect(result.issues[0]?.message).toContain('space');
      expect(result.issues[1]?.message).toContain('"/"');
    }
  });

  it('rejects IDs over 128 characters and unknown versions', () => {
    const result = validateTaskRef({ appId: 'a'.repeat(129), roomId: 'r', taskId: 't', version: '2022-06-01' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.issues.map((i) => i.code)).toEqual(['tooLong', 'unknownVersion']);
  });

  it('round-trips through the deep link (property)', () => {
    const id = fc.stringMatching(/^[a-zA-Z0-9_@.-]{1,128}$/);
    fc.assert(
      fc.property(id, id, fc.option(id, { nil: undefined }), id, fc.constantFrom('2020-12-01', '2023-06-01', '2023-11-01'), (appId, roomId, taskId, userId, version) => {
        const first = validateTaskRef({ appId, roomId, taskId, userId, version });
        expect(first.ok).toBe(true);
        if (!first.ok) return;
        const again = taskRefFromSearch(taskRefToSearch(first.ref));
        expect(again).toEqual(first);
        if (again.ok) expect(taskRefKey(again.ref)).toBe(taskRefKey(first.ref));
      }),
    );
  });
});
