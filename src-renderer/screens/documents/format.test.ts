import { describe, expect, it } from 'vitest';
import type { CallError } from '../../../src-shared/ipc/contract';
import { documentFileNameSchema } from '../../../src-shared/ipc/documents';
import { createI18n } from '../../i18n';
import { documentErrorText } from './format';

describe('documentErrorText', () => {
  it('a name refused for bidi characters says to rename the file, in both languages', () => {
    const parsed = documentFileNameSchema.safeParse('рахунок\u202Egpj.exe');
    expect(parsed.success).toBe(false);
    // As the router answers it: the field and the schema's message code, never the value.
    const codes = (parsed.error?.issues ?? []).map(i => ({ field: 'file.name', code: i.message }));
    const error: CallError = {
      code: 'invalid_input',
      message: 'Invalid input: file.name (custom).',
      details: { fields: ['file.name'], codes },
    };
    expect(documentErrorText(createI18n('uk').t, error)).toBe(
      'Назва файлу не підходить. Перейменуйте файл і спробуйте ще раз.',
    );
    expect(documentErrorText(createI18n('en').t, error)).toBe(
      'The file name cannot be used. Rename the file and try again.',
    );
  });

  it('other invalid input keeps the general sentence', () => {
    const error: CallError = { code: 'invalid_input', message: 'Invalid input: size (too_big).' };
    expect(documentErrorText(createI18n('en').t, error)).not.toContain('file name');
  });

  it('a document at an unreachable office server says to connect, in both languages', () => {
    const error: CallError = {
      code: 'office_unreachable',
      message: 'The file is at the office server; connect to it to open the file.',
      details: { reason: 'at_office' },
    };
    expect(documentErrorText(createI18n('uk').t, error)).toBe(
      'Файл на сервері офісу, а звʼязку з ним зараз немає. Підʼєднайтеся до офісу, щоб відкрити файл.',
    );
    expect(documentErrorText(createI18n('en').t, error)).toBe(
      'The file is at the office server, which cannot be reached now. Connect to the office to open it.',
    );
  });
});
