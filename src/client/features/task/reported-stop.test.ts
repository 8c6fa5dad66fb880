import { describe, expect, it } from 'vitest';
import * as fc from 'fast-check';
import type { CallbackNotice } from '../../../shared/fleet-api.ts';
import { newerReport, unconfirmedStop } from './reported-stop.ts';

const notice = (eventType: string, eventTime: number, eventId = `${eventType}-${eventTime}`): CallbackNotice => ({
  key: 'k', eventId, eventType, eventTime, appId: 'app1', roomId: 'room1', taskId: 'task1',
});

const fold = (notices: readonly CallbackNotice[]) => notices.reduce<CallbackNotice | undefined>(newerReport, undefined);

describe('newerReport', () => {
  it('keeps the newest Transcode report, whatever order the callbacks came in (duplicates included)', () => {
    const types = fc.constantFrom('TranscodeStarted', 'TranscodeUpdated', 'TranscodeStateChanged', 'TranscodeStopped', 'UserJoinRoom', 'UserLeaveRoom');
    const events = fc.uniqueArray(fc.record({ type: types, time: fc.integer({ min: 0, max: 20 }), id: fc.string({ minLength: 1, maxLength: 4 }) }), { selector: (e) => e.id, maxLength: 12 });
    fc.assert(fc.property(events, fc.infiniteStream(fc.nat()), (raw, picks) => {
      const list = raw.map((e) => notice(e.type, e.time, e.id));
      // A shuffle with a duplicate (Volcengine's retry) thrown in.
      const shuffled = [...list].sort(() => (picks.next().value % 3) - 1);
      const withRetry = shuffled.length > 0 ? [...shuffled, shuffled[0] as CallbackNotice] : shuffled;
      expect(fold(withRetry)).toEqual(fold(list));
      const transcode = list.filter((n) => n.eventType.startsWith('Transcode'));
      const newest = fold(list);
      if (transcode.length === 0) expect(newest).toBeUndefined();
      else expect(newest?.eventTime).toBe(Math.max(...transcode.map((n) => n.eventTime)));
    }));
  });

  it('lets a later start replace a stop (the same TaskId started again), and a late stop not replace a later start', () => {
    expect(fold([notice('TranscodeStopped', 10), notice('TranscodeStarted', 20)])?.eventType).toBe('TranscodeStarted');
    expect(fold([notice('TranscodeStarted', 20), notice('TranscodeStopped', 10)])?.eventType).toBe('TranscodeStarted');
    expect(fold([notice('TranscodeStopped', 10), notice('UserLeaveRoom', 30)])?.eventType).toBe('TranscodeStopped');
  });
});

describe('unconfirmedStop', () => {
  const stop = notice('TranscodeStopped', 10);
  it('shows a reported stop until the page\'s own answer says the task ended', () => {
    expect(unconfirmedStop(stop, undefined)).toBe(stop);
    expect(unconfirmedStop(stop, { status: 2, endTime: undefined })).toBe(stop);
    expect(unconfirmedStop(stop, { status: 3, endTime: undefined })).toBeUndefined();
    expect(unconfirmedStop(stop, { status: 2, endTime: 5 })).toBeUndefined();
  });
  it('shows nothing when the newest report is not a stop', () => {
    expect(unconfirmedStop(notice('TranscodeUpdated', 11), { status: 2, endTime: undefined })).toBeUndefined();
    expect(unconfirmedStop(undefined, undefined)).toBeUndefined();
  });
});
