import type { Revision, SimTaskBody, SimUpdatable } from './sim-types.ts';

type Plain = Record<string, unknown>;

function isPlain(value: unknown): value is Plain {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * IsUpdatePartialParam=true: objects merge key by key down the hierarchy, anything else (arrays
 * included: "arrays are passed whole") replaces what was there.
 */
export function deepMerge(base: Plain, patch: Plain): Plain {
  const out: Plain = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === undefined) continue;
    const current = out[key];
    out[key] = isPlain(value) && isPlain(current) ? deepMerge(current, value) : value;
  }
  return out;
}

const UPDATABLE = ['BusinessId', 'TargetStreams', 'Encode', 'Layout', 'Control'] as const;

function updateKey<K extends (typeof UPDATABLE)[number]>(next: SimTaskBody, update: SimUpdatable, key: K, partial: boolean): void {
  const value = update[key];
  if (value === undefined) {
    if (!partial) delete next[key];
    return;
  }
  const current = next[key];
  // deepMerge of two values of one section type yields that type: it only adds or replaces keys.
  next[key] = partial && isPlain(value) && isPlain(current) ? (deepMerge(current, value) as SimTaskBody[K]) : value;
}

/**
 * One UpdatePushMixedStreamToCDN applied to a task body. A full update (IsUpdatePartialParam
 * false, the default) replaces every updatable section, so one it leaves out falls back to the
 * documented defaults; PushURL and ExcludeStreams cannot be updated at all.
 */
export function applyUpdate(body: SimTaskBody, update: SimUpdatable, partial: boolean): SimTaskBody {
  const next: SimTaskBody = { ...body };
  for (const key of UPDATABLE) updateKey(next, update, key, partial);
  return next;
}

/** The body as it stood `rel` ms after StartTime, and the SequenceNumber of the last update. */
export function bodyAt(
  body: SimTaskBody,
  revisions: readonly Revision[],
  rel: number,
): { body: SimTaskBody; sequenceNumber: number } {
  let current = body;
  let sequenceNumber = 0;
  const due = revisions.filter((r) => r.atMs <= rel).sort((a, b) => a.atMs - b.atMs);
  for (const revision of due) {
    current = applyUpdate(current, revision.update, revision.partial);
    sequenceNumber = revision.sequenceNumber;
  }
  return { body: current, sequenceNumber };
}
