/** Row problems as a person reads them (./messages.ts): the field by its name, not its path. */
import { describe, expect, it } from 'vitest';
import { importProblemText } from './messages';

describe('importProblemText', () => {
  it('names the field in the reader’s language, not the data path', () => {
    const phone = {
      row: 4,
      kind: 'error' as const,
      issues: [{ field: 'phones.0.number', code: 'contact.phone_invalid' }],
    };
    expect(importProblemText('uk', phone)).toMatch(/^Телефон: Номер телефону неправильний\./u);
    expect(importProblemText('en', phone)).toMatch(/^Phone: /u);
    const stage = {
      row: 2,
      kind: 'error' as const,
      issues: [{ field: 'stage', code: 'import.stage_unknown' }],
    };
    expect(importProblemText('uk', stage)).toBe(
      'Етап: У воронці немає етапу з такою назвою. Перевірте назву етапу.',
    );
  });

  it('keeps a custom field’s label and an unknown field as they are', () => {
    const custom = {
      row: 3,
      kind: 'error' as const,
      issues: [{ field: 'Джерело', code: 'custom.choice_invalid' }],
    };
    expect(importProblemText('uk', custom)).toBe('Джерело: Виберіть одне зі значень списку.');
    const odd = { row: 5, kind: 'error' as const, issues: [{ field: 'constructor', code: 'x' }] };
    expect(importProblemText('en', odd)).toBe('constructor: The row has invalid data.');
  });
});
