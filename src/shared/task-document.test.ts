import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import docExample from './fixtures/doc-example-2020-12-01.json' with { type: 'json' };
import { insertTextChunk } from './png-text-chunk.ts';
import { exportFileName, readRef, serialiseExport, taskExport } from './task-document-export.ts';
import { fieldSource, readTaskDocument, type ReadResult, type TaskDocument } from './task-document.ts';
import { buildTaskModel } from './task-model.ts';

const ONE_PIXEL = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const KEY = { AppId: 'demo-app', RoomId: 'room-1', TaskId: 'mix-1' };
const docText = JSON.stringify(docExample, null, 2);

function doc(result: ReadResult): TaskDocument {
  if (!result.ok) throw new Error(`expected a document, got ${JSON.stringify(result.error)}`);
  return result.document;
}
function error(result: ReadResult) {
  if (result.ok) throw new Error(`expected an error, got a ${result.document.kind}`);
  return result.error;
}

describe('readTaskDocument: what it is', () => {
  it('reads the documented Get response, with the version from its envelope', () => {
    const d = doc(readTaskDocument(docText, { version: '2023-11-01' }));
    expect(d).toMatchObject({ kind: 'get-response', version: '2020-12-01', versionGuessed: false, versionSource: 'envelope', requestId: 'Your_RequestId' });
    expect(d.task).toEqual(docExample.Result.PushMixedStreamToCDNTask);
    expect(buildTaskModel(d.task, d.version).layout.regions).toHaveLength(1);
  });

  it('reads a bare task, guessing the version from its fields unless the user chose one', () => {
    const pixels = { Layout: { LayoutMode: 2, CustomLayout: { Regions: [{ StreamIndex: 0, Width: 640, Height: 360 }] } } };
    expect(doc(readTaskDocument(JSON.stringify(pixels)))).toMatchObject({ kind: 'task', version: '2023-11-01', versionGuessed: true, versionSource: 'guessed' });
    expect(doc(readTaskDocument(JSON.stringify(docExample.Result.PushMixedStreamToCDNTask)))).toMatchObject({ kind: 'task', version: '2020-12-01', versionGuessed: true });
    expect(doc(readTaskDocument(JSON.stringify(pixels), { version: '2023-06-01' }))).toMatchObject({ version: '2023-06-01', versionGuessed: false, versionSource: 'user' });
  });

  it('reads a Start body and lists the rules it breaks', () => {
    const body = { ...KEY, PushURL: 'rtmp://a/b', TargetStreams: { StreamList: [{ UserId: 'u', Index: 0 }] }, Layout: { LayoutMode: 2, CustomLayout: { Regions: [{ StreamIndex: 4, WidthProportion: 1, HeightProportion: 1 }] } } };
    const d = doc(readTaskDocument(JSON.stringify(body)));
    expect(d).toMatchObject({ kind: 'start-request', kindGuessed: false, ref: { appId: 'demo-app', roomId: 'room-1', taskId: 'mix-1' } });
    // Within one effect, in the order they appear in the text.
    expect(d.requestRules?.map((r) => r.code)).toEqual(['targetWithoutRegion', 'regionUnmatched']);
  });

  it('reads an Update body by its SequenceNumber or partial flag, and guesses one that has neither', () => {
    expect(doc(readTaskDocument(JSON.stringify({ ...KEY, SequenceNumber: 2 })))).toMatchObject({ kind: 'update-request', kindGuessed: false });
    expect(doc(readTaskDocument(JSON.stringify({ ...KEY, IsUpdatePartialParam: true })))).toMatchObject({ kind: 'update-request' });
    const guessed = doc(readTaskDocument(JSON.stringify({ ...KEY, Layout: {} })));
    expect(guessed).toMatchObject({ kind: 'update-request', kindGuessed: true });
    expect(guessed.requestRules?.map((r) => r.code)).toContain('sequenceNumberMissing');
  });

  it('says what a field left out means: a partial Update keeps the task\'s value, everything else its default', () => {
    const source = (body: object) => fieldSource(doc(readTaskDocument(JSON.stringify(body))));
    expect(source({ ...KEY, SequenceNumber: 2, IsUpdatePartialParam: true })).toBe('partial-update-request');
    expect(source({ ...KEY, SequenceNumber: 2, IsUpdatePartialParam: false })).toBe('update-request');
    // Only the boolean true makes an Update partial (a string is a broken flag, not a partial update).
    expect(source({ ...KEY, SequenceNumber: 2, IsUpdatePartialParam: 'true' })).toBe('update-request');
    expect(source({ ...KEY, SequenceNumber: 2 })).toBe('update-request');
    expect(source({ ...KEY, PushURL: 'rtmp://a/b' })).toBe('start-request');
    expect(fieldSource(doc(readTaskDocument(docText)))).toBe('task');
    expect(source({ Status: 2, Encode: {} })).toBe('task');
  });

  it('reads the Result object alone as a Get response', () => {
    expect(doc(readTaskDocument(JSON.stringify(docExample.Result)))).toMatchObject({ kind: 'get-response', versionSource: 'guessed' });
  });

  it('says which envelope Version it does not know', () => {
    const byteplus = { ...docExample, ResponseMetadata: { ...docExample.ResponseMetadata, Version: '2022-06-01' } };
    expect(doc(readTaskDocument(JSON.stringify(byteplus)))).toMatchObject({ version: '2020-12-01', versionGuessed: true, unknownVersion: '2022-06-01' });
  });
});

describe('readTaskDocument: mixscope exports', () => {
  const exported = taskExport({ version: '2023-11-01', ref: { appId: 'demo-app', roomId: 'room-1', taskId: '老师-mix' }, task: { Layout: { LayoutMode: 2 } } }, new Date(Date.UTC(2026, 0, 2, 3, 4, 5)));

  it('reads its own JSON export back with the exported version and IDs', () => {
    const d = doc(readTaskDocument(serialiseExport(exported)));
    expect(d).toMatchObject({ kind: 'mixscope-export', version: '2023-11-01', versionSource: 'export', ref: exported.ref, task: exported.task });
    expect(exported.exportedAt).toBe('2026-01-02T03:04:05.000Z');
  });

  it('reads a PNG carrying the export, and says where its fields are', () => {
    const png = insertTextChunk(ONE_PIXEL, serialiseExport(exported));
    if (!png.ok) throw new Error(png.error);
    const d = doc(readTaskDocument(png.png));
    expect(d).toMatchObject({ kind: 'mixscope-png', version: '2023-11-01', task: exported.task });
    expect(d.embeddedText).toBe(serialiseExport(exported));
    expect(d.positions.get('Layout.LayoutMode')).toEqual({ line: 12, column: 21 });
  });

  it('round-trips any task object through the PNG', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (task) => {
        const png = insertTextChunk(ONE_PIXEL, serialiseExport(taskExport({ version: '2020-12-01', task }, new Date(0))));
        if (!png.ok) throw new Error(png.error);
        // What JSON can carry: -0 comes back as 0.
        expect(doc(readTaskDocument(png.png)).task).toEqual(JSON.parse(JSON.stringify(task)));
      }),
      { numRuns: 50 },
    );
  });

  it('explains a PNG that is not a mixscope export, or is damaged', () => {
    expect(error(readTaskDocument(ONE_PIXEL))).toEqual({ code: 'png', reason: 'noMixscopeData' });
    const other = insertTextChunk(ONE_PIXEL, JSON.stringify({ Status: 2 }));
    expect(other.ok && error(readTaskDocument(other.png))).toEqual({ code: 'pngNotExport' });
    const damaged = insertTextChunk(ONE_PIXEL, serialiseExport(exported));
    if (!damaged.ok) throw new Error(damaged.error);
    const at = damaged.png.length - 30;
    damaged.png[at] = (damaged.png[at] ?? 0) ^ 1;
    expect(error(readTaskDocument(damaged.png))).toMatchObject({ code: 'png', reason: 'badCrc' });
  });

  it('reads the bytes of a dropped JSON file, and refuses other binary files', () => {
    expect(doc(readTaskDocument(new TextEncoder().encode(`\uFEFF${docText}`))).kind).toBe('get-response');
    expect(error(readTaskDocument(Uint8Array.of(0xff, 0xfe, 0x00, 0x80)))).toEqual({ code: 'notTextOrPng' });
  });

  it('names export files after the room and task', () => {
    expect(exportFileName({ roomId: 'room-1', taskId: 'mix-1' }, 'png')).toBe('mixscope-room-1-mix-1.png');
    expect(exportFileName({ roomId: 'r', userId: 'lily' }, 'json')).toBe('mixscope-r-lily.json');
    expect(exportFileName({ roomId: 'a/b', taskId: '老师' }, 'png')).toBe('mixscope-a_b-__.png');
    expect(exportFileName(undefined, 'json')).toBe('mixscope-task.json');
    expect(readRef({ appId: 7, roomId: 'r' })).toEqual({ roomId: 'r' });
  });
});

describe('readTaskDocument: bad input', () => {
  it('points at the line, column and field of broken JSON', () => {
    const broken = docText.replace('"Alpha": 1,', '"Alpha": ,');
    const e = error(readTaskDocument(broken));
    const line = broken.split('\n').findIndex((l) => l.includes('"Alpha": ,')) + 1;
    expect(e).toMatchObject({ code: 'json', syntax: { line, expected: 'value', path: 'Result.PushMixedStreamToCDNTask.Layout.CustomLayout.Regions[0].Alpha' } });
  });

  it('points at the end of JSON cut short', () => {
    expect(error(readTaskDocument(docText.slice(0, 400)))).toMatchObject({ code: 'json', syntax: { found: 'end of input' } });
  });

  it('gives the located fields of a task that parses but breaks the schema', () => {
    const text = '{\n  "Status": 2,\n  "Layout": {\n    "CustomLayout": { "Regions": [ { "Alpha": "half" } ] }\n  }\n}';
    const d = doc(readTaskDocument(text));
    const issue = buildTaskModel(d.task, d.version).issues[0];
    expect(issue?.path).toBe('Layout.CustomLayout.Regions[0].Alpha');
    expect(d.positions.get(issue?.path ?? '')).toEqual({ line: 4, column: 47 });
  });

  it('shows an error envelope as the upstream error, with its RequestId', () => {
    const envelope = { ResponseMetadata: { RequestId: 'REQ-1', Version: '2020-12-01', Error: { Code: 'InvalidParameter.ErrorActiveTaskNotFound', CodeN: 10009, Message: 'not found' } } };
    expect(error(readTaskDocument(JSON.stringify(envelope)))).toEqual({ code: 'upstream', upstream: { code: 'InvalidParameter.ErrorActiveTaskNotFound', codeN: 10009, message: 'not found', requestId: 'REQ-1' } });
  });

  it('says a Start response ("ok") holds no task', () => {
    expect(error(readTaskDocument(JSON.stringify({ ResponseMetadata: { RequestId: 'x' }, Result: 'ok' })))).toEqual({ code: 'noTaskInResponse', result: '"ok"' });
  });

  it('names empty input, a non-object and an unknown object', () => {
    expect(error(readTaskDocument('  \n'))).toEqual({ code: 'empty' });
    expect(error(readTaskDocument('[1]'))).toEqual({ code: 'notAnObject', found: 'list' });
    expect(error(readTaskDocument('{"hello": 1}'))).toEqual({ code: 'unknownShape', keys: ['hello'] });
  });

  it('never throws, whatever the text or bytes', () => {
    fc.assert(fc.property(fc.oneof(fc.string(), fc.json(), fc.uint8Array()), (input) => {
      expect(typeof readTaskDocument(input).ok).toBe('boolean');
    }));
  });
});
