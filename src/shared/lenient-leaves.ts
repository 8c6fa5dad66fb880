import * as z from 'zod/mini';

/**
 * Leaf schemas that accept what Volcengine really sends, not only what its tables say.
 * The documented example returns `"PushStreamState": "6"`, so every number also accepts a
 * numeric string.
 */

const NUMERIC_STRING = /^\s*-?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?\s*$/;

export const lenientNumber = z.pipe(
  z.union([
    z.number().check(z.refine((n) => Number.isFinite(n), 'must be a finite number')),
    z.string().check(z.regex(NUMERIC_STRING, 'must be a number or a numeric string')),
  ]),
  z.transform((v) => (typeof v === 'number' ? v : Number(v))),
);

export const lenientBoolean = z.pipe(
  z.union([z.boolean(), z.enum(['true', 'false']), z.literal(0), z.literal(1)]),
  z.transform((v) => v === true || v === 'true' || v === 1),
);
