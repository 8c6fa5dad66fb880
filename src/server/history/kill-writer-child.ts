/**
 * Test helper run as a child process by kill-safety.test.ts: records observations in a tight loop
 * and prints each sequence number only after its transaction committed. The parent SIGKILLs it at
 * an arbitrary moment and checks the file. Usage: node --import tsx kill-writer-child.ts <dataDir> <firstSeq>
 */
import { openHistoryStore } from './history-store.ts';

const [dataDir, firstSeq] = process.argv.slice(2);
if (dataDir === undefined) throw new Error('usage: kill-writer-child.ts <dataDir> <firstSeq>');

const ref = { appId: 'app', roomId: 'room', taskId: 'killed', version: '2020-12-01' } as const;
// A realistic payload size (30 regions), so a kill often lands while a write is in progress.
const regions = Array.from({ length: 30 }, (_, i) => ({ StreamIndex: i, LocationX: i / 30, LocationY: 0.5, WidthProportion: 0.1, HeightProportion: 0.1 }));

const store = await openHistoryStore({ dataDir, clock: { now: () => Date.now() } });
await store.watch(ref);
for (let seq = Number(firstSeq ?? 0); ; seq++) {
  const task = { Status: 2, PushStreamState: seq % 2 === 0 ? 5 : 3, StartTime: 1, Seq: seq, Layout: { LayoutMode: 2, CustomLayout: { Regions: regions } } };
  await store.record(ref, { ok: true, requestId: `req-${seq}`, task, fetchedAt: seq }, seq);
  process.stdout.write(`${seq}\n`);
}
