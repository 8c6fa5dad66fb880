import { absentAt, type UserPresence } from './room-presence.ts';

/**
 * The layout joined with the room's presence: a region whose user has left the room shows no
 * video of them (Volcengine fills it with the AlternateImage or the background). Pure: the
 * regions and the presence in, the explanations out.
 */

export interface PresenceRegion {
  id: string;
  /** The TargetStreams user the region shows, if its StreamIndex names one. */
  userId: string | undefined;
}

export interface EmptyRegion {
  regionId: string;
  userId: string;
  /** When the user left (Unix ms, from the callback). */
  leftAt: number;
  /** UserLeaveRoom's Reason as sent, null when it had none. */
  reason: string | null;
}

/**
 * Regions whose user was out of the room at `at`: the moment the layout is judged at (now for a
 * running task). A user the callbacks never mentioned is not judged: mixscope does not know.
 */
export function emptyRegions(regions: readonly PresenceRegion[], presence: readonly UserPresence[], at: number): EmptyRegion[] {
  const byUser = new Map(presence.map((p) => [p.userId, p]));
  const out: EmptyRegion[] = [];
  for (const r of regions) {
    const user = r.userId === undefined ? undefined : byUser.get(r.userId);
    const gone = user && absentAt(user, at);
    if (user && gone && gone.leftAt !== null) out.push({ regionId: r.id, userId: user.userId, leftAt: gone.leftAt, reason: gone.reason });
  }
  return out;
}

/** The documented Reasons mixscope has words for; any other is shown as sent. */
export const KNOWN_LEAVE_REASONS = ['userLeave', 'connectionLost'] as const;
export type KnownLeaveReason = (typeof KNOWN_LEAVE_REASONS)[number];
export const isKnownLeaveReason = (r: string | null): r is KnownLeaveReason => (KNOWN_LEAVE_REASONS as readonly (string | null)[]).includes(r);
