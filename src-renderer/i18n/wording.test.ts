/**
 * Terms used one way in the Ukrainian interface, and the strings a day in the office found wrong
 * (issue 18, point 13), checked over the merged catalogue and the shared documents.
 */
import { describe, expect, it } from 'vitest';
import { loginSchema } from '../../src-shared/ipc/auth';
import { REGULATION_TEXT } from '../../src-shared/reports/regulation-text';
import { createI18n, catalogues } from './index';

type Tree = { readonly [key: string]: string | Tree };

function texts(tree: Tree): string[] {
  return Object.values(tree).flatMap(v => (typeof v === 'string' ? [v] : texts(v)));
}

const uk = createI18n('uk').t;

describe('Ukrainian terms', () => {
  const all = [...texts(catalogues.uk), ...texts(REGULATION_TEXT.uk as unknown as Tree)];

  it('a folder is always «тека», two-factor sign-in has one name, the keychain is not «сховище»', () => {
    expect(
      all.filter(text => /пап[кцо]|2FA|двоетап|двофакторн\w+ (перевір|автентиф)/iu.test(text)),
    ).toEqual([]);
    expect(all.filter(text => /сховищ\w* паролів/iu.test(text))).toEqual([]);
    expect(uk('setup.vault.dirLabel')).toBe('Тека сховища');
    expect(uk('shell.roles.administrator')).toBe('Адміністратор системи');
    expect(uk('shell.sections.activities')).toBe('Завдання');
    // «Справи» is gone: tasks are «Завдання», calls, meetings and notes together «активність».
    expect(
      all.filter(text => /(?<!\p{L})справ(а|и|і|у|ою|ами|ам|ах)?(?!\p{L})/iu.test(text)),
    ).toEqual([]);
  });

  it('the strings the office reported read as the issue asks', () => {
    expect(uk('deals.form.fixErrors')).toBe('Виправте позначені поля й спробуйте зберегти ще раз.');
    expect(uk('contacts.form.fixErrors')).toBe(
      'Виправте позначені поля й спробуйте зберегти ще раз.',
    );
    expect(uk('admin.audit.intact', { count: 38 })).toBe(
      'Журнал не пошкоджено: перевірено 38 записів.',
    );
    expect(uk('admin.audit.intact', { count: 2 })).toBe(
      'Журнал не пошкоджено: перевірено 2 записи.',
    );
    expect(uk('contacts.export.done', { count: 9, fileName: 'k.csv' })).toBe(
      'Збережено 9 контактів у файл «k.csv».',
    );
    expect(uk('backups.wizard.confirm', { date: '1 грудня' })).toBe(
      'Я розумію: усі зміни після 1 грудня буде втрачено',
    );
    expect(uk('deals.field.probabilityShown')).toBe('Імовірність');
    expect(uk('activities.form.taskSubjectPlaceholder')).toBe('Напр.: Надіслати договір');
    expect(uk('signIn.codeDescriptionLocked')).not.toMatch(/вперше/);
  });

  it('the login hint says what main accepts: Cyrillic logins too', () => {
    expect(loginSchema.safeParse('олена.шевчук').success).toBe(true);
    expect(uk('admin.add.loginHint')).not.toMatch(/^Латиницею/);
    expect(uk('admin.add.loginHint')).toMatch(/кирилиц/);
  });
});
