import { describe, expect, it } from 'vitest';
import { insertTextChunk } from './png-text-chunk.ts';
import fc from 'fast-check';
import { readExportedAt, serialiseExport, taskExport } from './task-document-export.ts';
import { readTaskDocument, type ReadResult, type TaskDocument } from './task-document.ts';

const ONE_PIXEL = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const STREAM_KEY = 'streamkey-SECRET123';
const CDN_SECRET = 'cdnsecret456';
const PUSH_URL = `rtmp://push.example.com/live/${STREAM_KEY}?txSecret=${CDN_SECRET}`;
const TASK = { Status: 2, PushURL: PUSH_URL, Layout: { LayoutMode: 0 } };
const REF = { appId: 'demo-app', roomId: 'room-1', taskId: 'mix-1' };
const AT = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));

function doc(result: ReadResult): TaskDocument {
  if (!result.ok) throw new Error(`expected a document, got ${JSON.stringify(result.error)}`);
  return result.document;
}

describe('taskExport and the stream key', () => {
  it('masks the PushURL by default and says so in the file', () => {
    const text = serialiseExport(taskExport({ version: '2020-12-01', ref: REF, task: TASK }, AT));
    expect(text).not.toContain(STREAM_KEY);
    expect(text).not.toContain(CDN_SECRET);
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(parsed['streamKey']).toBe('masked');
    expect(parsed['task']).toEqual({ ...TASK, PushURL: 'rtmp://push.example.com/live/str••••?txSecret=••••' });
  });

  it('holds the full PushURL only when it was asked for, and says so', () => {
    const masked = { ...TASK, PushURL: 'rtmp://push.example.com/live/str••••?txSecret=••••' };
    const exported = taskExport({ version: '2020-12-01', ref: REF, task: masked, pushUrl: PUSH_URL }, AT);
    expect(exported.streamKey).toBe('included');
    expect(exported.task).toEqual(TASK);
  });

  it('says nothing about a stream key when the task has no PushURL', () => {
    const exported = taskExport({ version: '2020-12-01', task: { Layout: { LayoutMode: 0 } }, pushUrl: PUSH_URL }, AT);
    expect(exported).not.toHaveProperty('streamKey');
    expect(serialiseExport(exported)).not.toContain(STREAM_KEY);
  });

  it('leaves the original task as it was', () => {
    taskExport({ version: '2020-12-01', task: TASK }, AT);
    expect(TASK.PushURL).toBe(PUSH_URL);
  });
});

describe('a masked export read back on the inspector', () => {
  const exported = serialiseExport(taskExport({ version: '2020-12-01', ref: REF, task: TASK }, AT));

  it('opens from JSON and from a PNG, and says the key was masked', () => {
    const fromJson = doc(readTaskDocument(exported));
    expect(fromJson).toMatchObject({ kind: 'mixscope-export', streamKey: 'masked', ref: REF });
    const png = insertTextChunk(ONE_PIXEL, exported);
    if (!png.ok) throw new Error(png.error);
    const fromPng = doc(readTaskDocument(png.png));
    expect(fromPng).toMatchObject({ kind: 'mixscope-png', streamKey: 'masked' });
    expect(fromPng.task).toEqual(fromJson.task);
  });

  it('says an export with the key included holds it', () => {
    const included = serialiseExport(taskExport({ version: '2020-12-01', task: TASK, pushUrl: PUSH_URL }, AT));
    expect(doc(readTaskDocument(included)).streamKey).toBe('included');
  });

  it('recognises a masked PushURL in anything pasted, such as an answer of /api/task', () => {
    const pasted = { PushMixedStreamToCDNTask: { ...TASK, PushURL: 'rtmp://push.example.com/live/str••••' } };
    expect(doc(readTaskDocument(JSON.stringify(pasted))).streamKey).toBe('masked');
    expect(doc(readTaskDocument(JSON.stringify(TASK))).streamKey).toBeUndefined();
  });
});

describe('an export\'s moment, read back', () => {
  it('is the snapshot time of the export, from JSON and from a PNG', () => {
    const text = serialiseExport(taskExport({ version: '2020-12-01', ref: REF, task: TASK }, AT));
    expect(doc(readTaskDocument(text)).snapshotAt).toBe(AT.getTime());
    const png = insertTextChunk(ONE_PIXEL, text);
    if (!png.ok) throw new Error(png.error);
    expect(doc(readTaskDocument(png.png)).snapshotAt).toBe(AT.getTime());
  });

  it('comes back to the millisecond for any moment an export can be stamped with', () => {
    fc.assert(fc.property(fc.date({ min: new Date(0), max: new Date(Date.UTC(9999, 11, 31)), noInvalidDate: true }), (at) => {
      expect(readExportedAt(taskExport({ version: '2020-12-01', task: {} }, at).exportedAt)).toBe(at.getTime());
    }));
  });

  it('reads an instant with an offset, and nothing that is not an instant', () => {
    expect(readExportedAt('2026-01-02T11:04:05+08:00')).toBe(AT.getTime());
    expect(readExportedAt('2026-01-02T03:04Z')).toBe(Date.UTC(2026, 0, 2, 3, 4));
    // Without a zone every reader places it differently; a date alone is no moment.
    for (const raw of ['2026-01-02T03:04:05', '2026-01-02', 'yesterday', '', 1767323045000, null, undefined, '2026-13-02T03:04:05Z']) {
      expect(readExportedAt(raw)).toBeUndefined();
    }
  });

  it('is absent from documents that do not say when they were read, and from an export without one', () => {
    expect(doc(readTaskDocument(JSON.stringify({ PushMixedStreamToCDNTask: TASK }))).snapshotAt).toBeUndefined();
    expect(doc(readTaskDocument(JSON.stringify(TASK))).snapshotAt).toBeUndefined();
    const undated = { format: 'mixscope-task', version: '2020-12-01', exportedAt: 'a while ago', task: TASK };
    const read = doc(readTaskDocument(JSON.stringify(undated)));
    expect(read.kind).toBe('mixscope-export');
    expect(read.snapshotAt).toBeUndefined();
  });
});
