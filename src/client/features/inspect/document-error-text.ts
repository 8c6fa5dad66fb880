import type { TFunction } from 'i18next';
import type { DocumentError } from '../../../shared/task-document.ts';

/** A reading error in the reader's language: where JSON broke, what a PNG lacks, what a response holds. */
export function documentErrorText(t: TFunction, error: DocumentError): string {
  switch (error.code) {
    case 'json': {
      const s = error.syntax;
      const params = {
        line: s.line,
        column: s.column,
        path: s.path,
        expected: t(`offline.error.expected.${s.expected}`),
        found: s.found === 'end of input' ? t('offline.error.endOfInput') : s.found,
      };
      return s.path ? t('offline.error.jsonInField', params) : t('offline.error.json', params);
    }
    case 'notAnObject':
      return t('offline.error.notAnObject', { found: t(`offline.error.found.${error.found}`) });
    case 'unknownShape':
      return t('offline.error.unknownShape', { keys: error.keys.join(', ') || '—' });
    case 'noTaskInResponse':
      return t('offline.error.noTaskInResponse', { result: error.result });
    case 'png':
      return t(`offline.error.png.${error.reason}`, { detail: error.detail ?? '' });
    case 'internal':
      return t('offline.error.internal', { message: error.message });
    case 'empty':
    case 'upstream':
    case 'pngNotExport':
    case 'notTextOrPng':
      return t(`offline.error.${error.code}`);
  }
}
