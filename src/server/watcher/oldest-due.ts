/**
 * The `limit` entries due at or before `now` that `eligible` accepts, soonest first, ties in the
 * map's order: what sorting the whole map and taking the head would give, in one pass. The
 * watcher asks this on every completed poll, with thousands of tasks due and a few free slots.
 */
export function oldestDue<K, V extends { at: number }>(due: ReadonlyMap<K, V>, now: number, limit: number, eligible: (key: K) => boolean): Array<[K, V]> {
  const picked: Array<[K, V]> = [];
  if (limit <= 0) return picked;
  for (const entry of due) {
    const at = entry[1].at;
    if (at > now || !eligible(entry[0])) continue;
    if (picked.length === limit && at >= (picked[limit - 1] as [K, V])[1].at) continue;
    // Insert after every picked entry due at the same time or sooner: ties keep the map's order.
    let i = picked.length;
    while (i > 0 && (picked[i - 1] as [K, V])[1].at > at) i--;
    picked.splice(i, 0, entry);
    if (picked.length > limit) picked.pop();
  }
  return picked;
}
