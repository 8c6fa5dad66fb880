/** The IDs that name a task (AppId, RoomId, ...), label beside value; the absent ones are left out. */
export function IdentityList({ ids }: { ids: readonly (readonly [string, string | undefined])[] }) {
  return (
    <dl className="flex flex-wrap gap-x-4 gap-y-1 font-mono text-sm">
      {ids.filter(([, v]) => v !== undefined).map(([k, v]) => (
        <div key={k} className="flex gap-1.5">
          <dt className="text-slate-500 dark:text-slate-400">{k}</dt>
          <dd className="break-all">{v}</dd>
        </div>
      ))}
    </dl>
  );
}
