import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import type { DocumentError } from '../../../shared/task-document.ts';
import { documentErrorText } from './document-error-text.ts';
import { offlineMessages } from '../../i18n/messages/offline-messages.ts';

async function translator(lng: 'en' | 'zh') {
  const i18n = i18next.createInstance();
  await i18n.init({ lng, resources: { [lng]: { translation: { offline: offlineMessages[lng] } } }, interpolation: { escapeValue: false } });
  return i18n.t;
}

const ERRORS: DocumentError[] = [
  { code: 'empty' },
  { code: 'json', syntax: { offset: 40, line: 3, column: 12, excerpt: { text: '  "CustomLayout": {', caret: 11 }, expected: 'commaOrBrace', found: 'end of input', path: 'Layout.CustomLayout' } },
  { code: 'json', syntax: { offset: 0, line: 1, column: 1, excerpt: { text: 'x', caret: 0 }, expected: 'value', found: '"x"' } },
  { code: 'notAnObject', found: 'list' },
  { code: 'unknownShape', keys: ['hello'] },
  { code: 'upstream', upstream: { code: 'InvalidParameter', message: 'bad' } },
  { code: 'noTaskInResponse', result: '"ok"' },
  { code: 'png', reason: 'badCrc', detail: 'IDAT at byte 33' },
  { code: 'png', reason: 'noMixscopeData' },
  { code: 'pngNotExport' },
  { code: 'notTextOrPng' },
  { code: 'internal', message: 'boom' },
];

describe('documentErrorText', () => {
  it('says where broken JSON broke, in the reader language', async () => {
    expect(documentErrorText(await translator('en'), ERRORS[1]!)).toBe(
      'The JSON is broken at line 3, column 12, in Layout.CustomLayout: expected a comma or a closing }, found the end of the text.',
    );
    expect(documentErrorText(await translator('zh'), ERRORS[1]!)).toBe('JSON 在第 3 行第 12 列（Layout.CustomLayout）出错：应为逗号或右花括号 }，实际是 文本结尾。');
  });

  it('has words for every error in both languages, with every slot filled', async () => {
    for (const lng of ['en', 'zh'] as const) {
      const t = await translator(lng);
      for (const error of ERRORS) {
        const text = documentErrorText(t, error);
        expect(text, `${lng} ${error.code}`).not.toMatch(/offline\.|\{\{/);
      }
    }
  });
});
