/** The free-text field list and where a field it gains lands in a consumer's layout. */
import { describe, expect, it } from 'vitest';
import {
  CONTACT_TEXT_FIELD_NAMES,
  contactTextLabels,
  contactTextSpec,
  isContactTextField,
  withContactTextFields,
} from './text-fields';

describe('contact text fields', () => {
  it('names every field in both languages and gives each a vCard property', () => {
    for (const name of CONTACT_TEXT_FIELD_NAMES) {
      const { label, vcard } = contactTextSpec(name);
      expect(label.uk.length * label.en.length).toBeGreaterThan(0);
      expect(vcard).toMatch(/^(?:[A-Z]+|X-[A-Z-]+)$/u);
    }
    expect(contactTextLabels('en').position).toBe('Job title');
    expect(contactTextLabels('uk').notes).toBe('Нотатки');
    expect(isContactTextField('notes')).toBe(true);
    expect(isContactTextField('tags')).toBe(false);
    expect(isContactTextField('toString')).toBe(false);
  });

  it('keeps a layout that names every field, and puts the ones it omits before the anchor', () => {
    const full = ['a', 'companyName', 'position', 'address', 'source', 'notes', 'z'];
    expect(withContactTextFields(full, 'z')).toEqual(full);
    expect(withContactTextFields(['a', 'companyName', 'address', 'z'], 'z')).toEqual([
      'a',
      'companyName',
      'address',
      'position',
      'source',
      'notes',
      'z',
    ]);
    expect(withContactTextFields(['a', 'notes'])).toEqual([
      'a',
      'notes',
      'companyName',
      'position',
      'address',
      'source',
    ]);
  });
});
