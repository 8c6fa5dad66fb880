import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ApiErrorBodySchema } from './mixscope-api.ts';

describe('ApiErrorBodySchema', () => {
  it('still parses a body without the circuit fields (an older server)', () => {
    expect(ApiErrorBodySchema.safeParse({ error: { kind: 'unreachable', message: 'No answer.' } }).success).toBe(true);
  });

  it('parses unreachableSince and the circuit state', () => {
    const body = { error: { kind: 'unreachable', message: 'm', unreachableSince: 1_700_000_000_000, circuit: 'open', retryAfter: 4 } };
    expect(ApiErrorBodySchema.parse(body).error).toMatchObject({ unreachableSince: 1_700_000_000_000, circuit: 'open' });
  });

  it('an older client schema (without the new fields) accepts the new body and drops them', () => {
    const older = z.object({ error: z.object({ kind: z.string(), message: z.string(), retryAfter: z.optional(z.number()) }) });
    const parsed = older.parse({ error: { kind: 'unreachable', message: 'm', unreachableSince: 1, circuit: 'half-open' } });
    expect(parsed).toEqual({ error: { kind: 'unreachable', message: 'm' } });
  });
});
