import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pushStateNeverCame, stopReasonFact } from './task-summary-facts.ts';

const statusArb = fc.option(fc.integer({ min: 0, max: 6 }), { nil: undefined });
const endArb = fc.option(fc.integer({ min: 1, max: 2_000_000_000_000 }), { nil: undefined });

describe('stopReasonFact', () => {
  it('gives the reason when Volcengine sent one', () => {
    expect(stopReasonFact({ status: 3, endTime: 5, stopReason: 'UnknownStopReason' })).toEqual({ kind: 'reason', reason: 'UnknownStopReason' });
  });
  it('says running only for a task reported running', () => {
    expect(stopReasonFact({ status: 2, endTime: undefined, stopReason: undefined })).toEqual({ kind: 'running' });
    expect(stopReasonFact({ status: 1, endTime: undefined, stopReason: undefined })).toEqual({ kind: 'running' });
  });
  it('says not reported when the Status is missing', () => {
    expect(stopReasonFact({ status: undefined, endTime: undefined, stopReason: undefined })).toEqual({ kind: 'not-reported' });
  });
  it('says ended without a reason for a finished task with none', () => {
    expect(stopReasonFact({ status: 4, endTime: undefined, stopReason: undefined })).toEqual({ kind: 'ended-without-reason' });
    expect(stopReasonFact({ status: undefined, endTime: 9, stopReason: undefined })).toEqual({ kind: 'ended-without-reason' });
  });
  it('never says running for a task that ended or did not report its Status (property)', () => {
    fc.assert(fc.property(statusArb, endArb, (status, endTime) => {
      const fact = stopReasonFact({ status, endTime, stopReason: undefined });
      if (fact.kind === 'running') {
        expect(status).toBeDefined();
        expect(endTime).toBeUndefined();
        expect([3, 4]).not.toContain(status);
      }
    }));
  });
});

describe('pushStateNeverCame', () => {
  it('is true for a failed start whose push state stayed 0', () => {
    expect(pushStateNeverCame({ status: 4, endTime: undefined, pushStreamState: 0 })).toBe(true);
  });
  it('is false while the task runs, and for a state that was reported', () => {
    expect(pushStateNeverCame({ status: 2, endTime: undefined, pushStreamState: 0 })).toBe(false);
    expect(pushStateNeverCame({ status: 3, endTime: 10, pushStreamState: 6 })).toBe(false);
  });
});
