import { describe, expect, it } from 'vitest';
import docExample from '../../../shared/fixtures/doc-example-2020-12-01.json' with { type: 'json' };
import { insertTextChunk } from '../../../shared/png-text-chunk.ts';
import { serialiseExport, taskExport } from '../../../shared/task-document-export.ts';
import { initialState, inspectorReducer, shownClock, shownDocument, type InspectorAction, type InspectorState } from './inspector-state.ts';

const ONE_PIXEL = Uint8Array.from(
  atob('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=='),
  (c) => c.charCodeAt(0),
);
const GOOD = JSON.stringify(docExample, null, 2);
const pixelTask = JSON.stringify({ Layout: { LayoutMode: 2, CustomLayout: { Regions: [{ StreamIndex: 0, LocationX: 10, LocationY: 10, WidthProportion: 0.5, HeightProportion: 0.5 }] } } });

const T0 = Date.UTC(2026, 11, 5, 3, 0, 0);
const run = (...actions: InspectorAction[]): InspectorState => actions.reduce(inspectorReducer, initialState('', undefined, T0));

describe('inspectorReducer', () => {
  it('starts empty, with nothing to say', () => {
    const s = initialState('', undefined, T0);
    expect(s.result).toBeUndefined();
    expect(shownDocument(s)).toBeUndefined();
  });

  it('restores remembered text by reading it at once', () => {
    expect(shownDocument(initialState(GOOD, undefined, T0))?.kind).toBe('get-response');
  });

  it('keeps the last good document on screen while the new text is broken', () => {
    const s = run({ type: 'text', text: GOOD, at: T0 }, { type: 'text', text: GOOD.slice(0, 300), at: T0 });
    expect(s.text).toBe(GOOD.slice(0, 300));
    expect(s.result?.ok).toBe(false);
    expect(shownDocument(s)?.kind).toBe('get-response');
  });

  it('re-reads the text when the user chooses a version', () => {
    const s = run({ type: 'text', text: pixelTask, at: T0 }, { type: 'version', version: '2023-06-01' });
    expect(shownDocument(s)).toMatchObject({ version: '2023-06-01', versionSource: 'user' });
    expect(shownDocument(inspectorReducer(s, { type: 'version', version: undefined }))).toMatchObject({ version: '2020-12-01', versionSource: 'guessed' });
  });

  it('shows the JSON inside a dropped PNG, and reads the PNG again on a version change', () => {
    const json = serialiseExport(taskExport({ version: '2023-11-01', ref: { roomId: 'r', taskId: 't' }, task: { Status: 2 } }, new Date(0)));
    const png = insertTextChunk(ONE_PIXEL, json);
    if (!png.ok) throw new Error(png.error);
    const s = run({ type: 'file', name: 'mixscope-r-t.png', bytes: png.png, at: T0 });
    expect(s.text).toBe(json);
    expect(shownDocument(s)).toMatchObject({ kind: 'mixscope-png', version: '2023-11-01' });
    expect(shownDocument(inspectorReducer(s, { type: 'version', version: '2020-12-01' }))?.kind).toBe('mixscope-png');
  });

  it('keeps the text box as it was when a dropped PNG cannot be read', () => {
    const s = run({ type: 'text', text: GOOD, at: T0 }, { type: 'file', name: 'photo.png', bytes: ONE_PIXEL, at: T0 });
    expect(s.text).toBe(GOOD);
    expect(s.result).toMatchObject({ ok: false, error: { code: 'png', reason: 'noMixscopeData' } });
    expect(s.readFromText).toBe(false);
    expect(shownDocument(s)?.kind).toBe('get-response');
  });

  it('puts a broken JSON file in the text box, where its error points', () => {
    const broken = GOOD.slice(0, 200);
    const s = run({ type: 'text', text: GOOD, at: T0 }, { type: 'file', name: 'task.json', bytes: new TextEncoder().encode(`\uFEFF${broken}`), at: T0 });
    expect(s.text).toBe(broken);
    expect(s).toMatchObject({ readFromText: true, file: undefined, result: { ok: false, error: { code: 'json' } } });
    expect(shownDocument(s)?.kind).toBe('get-response');
  });

  it('remembers when the shown document was read: a new one moves it, broken text and a version change do not', () => {
    const later = T0 + 60_000;
    const first = run({ type: 'text', text: GOOD, at: T0 });
    expect(first.readAt).toBe(T0);
    const broken = inspectorReducer(first, { type: 'text', text: GOOD.slice(0, 300), at: later });
    expect(broken.readAt).toBe(T0);
    expect(inspectorReducer(first, { type: 'version', version: '2023-06-01' }).readAt).toBe(T0);
    expect(inspectorReducer(broken, { type: 'text', text: pixelTask, at: later }).readAt).toBe(later);
    expect(inspectorReducer(first, { type: 'clear' }).readAt).toBeUndefined();
  });

  it('clears everything but the version choice', () => {
    const s = run({ type: 'version', version: '2023-11-01' }, { type: 'text', text: GOOD, at: T0 }, { type: 'clear' });
    expect(s).toMatchObject({ text: '', versionChoice: '2023-11-01', result: undefined, lastGood: undefined });
  });
});

describe('shownClock', () => {
  it('fixes an export\'s times at its own moment, whenever it was opened', () => {
    const at = new Date(Date.UTC(2026, 0, 2, 3, 4, 5));
    const json = serialiseExport(taskExport({ version: '2020-12-01', task: { Status: 2, StartTime: at.getTime() - 60_000 } }, at));
    expect(shownClock(run({ type: 'text', text: json, at: T0 }))).toEqual({ kind: 'snapshot', at: at.getTime() });
  });

  it('fixes a document that does not say when it was fetched at when it was read here', () => {
    expect(shownClock(run({ type: 'text', text: GOOD, at: T0 + 5 }))).toEqual({ kind: 'read', at: T0 + 5 });
    expect(shownClock(initialState('', undefined, T0))).toBeUndefined();
  });
});
