/**
 * Import messages, Ukrainian first: why a row was not imported and why a file was refused. The
 * renderer (the wizard, later) merges `importMessages.uk` / `.en` into its i18next resources under
 * `import`; the CLI calls {@link importProblemText}. `{{row}}` and `{{field}}` are filled in;
 * nothing here names a record or a person.
 */
import { companyMessage, isCompanyIssueCode } from '../companies';
import { contactMessage, isContactIssueCode } from '../contacts';
import { dealMessage, isDealIssueCode } from '../deals';
import { customMessages } from '../custom-fields/messages';
import { IMPORT_COLUMN_WORDS } from './column-words';

const uk = {
  /** A row error's field (the first part of its path, e.g. `phones` of `phones.0.number`). */
  column: IMPORT_COLUMN_WORDS.uk,
  field: {
    phones: 'цей номер телефону',
    emails: 'цю адресу електронної пошти',
    edrpou: 'цей код ЄДРПОУ',
    rnokpp: 'цей РНОКПП',
    title: 'ту саму назву угоди й того самого клієнта',
  },
  duplicate: {
    in_file: 'Повторює рядок {{row}} файлу.',
    hidden: 'Запис, якого ви не бачите, уже має {{field}}. Зверніться до його власника.',
    ambiguous: 'Кілька записів уже мають {{field}}: рядок пропущено.',
    not_editable: 'Запис, який ви не можете змінювати, уже має {{field}}.',
    exists: 'Угода з такою назвою й тим самим клієнтом уже є.',
  },
  error: {
    record_changed: 'Запис змінили під час імпорту: рядок пропущено.',
    invalid: 'Рядок має неправильні дані.',
  },
  /** Deals: refusals and warnings (src-main/import/deals/). */
  deal: {
    close_date: 'Дата неправильна: потрібно ДД.ММ.РРРР, наприклад 31.01.2027.',
    pipeline_unknown: 'Немає воронки з такою назвою.',
    stage_unknown: 'У воронці немає етапу з такою назвою. Перевірте назву етапу.',
    stage_lost: 'Нова угода не може починатися з етапу програшу.',
    owner_unknown: 'Немає такого користувача серед тих, кому ви можете доручати угоди.',
    contact_not_found:
      'Контакт не знайдено серед клієнтів, яких ви бачите: угоду імпортовано без контакту.',
    contact_ambiguous: 'Підходять кілька контактів: угоду імпортовано без контакту.',
    company_not_found:
      'Компанію не знайдено серед тих, які ви бачите: угоду імпортовано без компанії.',
    company_ambiguous: 'Підходять кілька компаній: угоду імпортовано без компанії.',
  },
  failure: {
    file_unreadable: 'Файл не вдається відкрити.',
    file_empty: 'Файл порожній.',
    format_unknown: 'Невідомий формат файлу.',
    encoding_mixed: 'Файл не в одному кодуванні: збережіть його як UTF-8.',
    row_too_large: 'Рядок файлу завеликий (можливо, не закрито лапки).',
    too_many_columns: 'У файлі забагато стовпців.',
    xlsx_invalid: 'Файл пошкоджений або це не таблиця XLSX.',
    vcard_invalid: 'Файл vCard обривається посередині картки.',
    mapping_invalid: 'Відповідність стовпців не підходить до цього файлу.',
    cancelled: 'Імпорт скасовано.',
  },
};

/** The shape of the import catalogue. */
export type ImportCatalogue = typeof uk;

const en: ImportCatalogue = {
  column: IMPORT_COLUMN_WORDS.en,
  field: {
    phones: 'this phone number',
    emails: 'this e-mail address',
    edrpou: 'this ЄДРПОУ code',
    rnokpp: 'this РНОКПП code',
    title: 'the same deal title and client',
  },
  duplicate: {
    in_file: 'Repeats row {{row}} of the file.',
    hidden: 'A record you cannot see already has {{field}}. Ask its owner.',
    ambiguous: 'Several records already have {{field}}: row skipped.',
    not_editable: 'A record you may not edit already has {{field}}.',
    exists: 'A deal with this title and the same client already exists.',
  },
  error: {
    record_changed: 'The record was changed during the import: row skipped.',
    invalid: 'The row has invalid data.',
  },
  deal: {
    close_date: 'The date is not valid: use DD.MM.YYYY, e.g. 31.01.2027.',
    pipeline_unknown: 'There is no pipeline with this name.',
    stage_unknown: 'The pipeline has no stage with this name. Check the stage name.',
    stage_lost: 'A new deal cannot start in a lost stage.',
    owner_unknown: 'No such user among those you may give deals to.',
    contact_not_found:
      'No contact found among the clients you can see: the deal was imported without a contact.',
    contact_ambiguous: 'Several contacts fit: the deal was imported without a contact.',
    company_not_found:
      'No company found among those you can see: the deal was imported without a company.',
    company_ambiguous: 'Several companies fit: the deal was imported without a company.',
  },
  failure: {
    file_unreadable: 'The file cannot be opened.',
    file_empty: 'The file is empty.',
    format_unknown: 'Unknown file format.',
    encoding_mixed: 'The file mixes encodings: save it as UTF-8.',
    row_too_large: 'A row of the file is too large (an unclosed quote?).',
    too_many_columns: 'The file has too many columns.',
    xlsx_invalid: 'The file is damaged or not an XLSX spreadsheet.',
    vcard_invalid: 'The vCard file ends in the middle of a card.',
    mapping_invalid: 'The column mapping does not fit this file.',
    cancelled: 'The import was cancelled.',
  },
};

/** The import catalogues by locale. */
export const importMessages: Readonly<{ uk: ImportCatalogue; en: ImportCatalogue }> = { uk, en };

/** A row problem as the importer sees it (the shape of src-shared/ipc/imports.ts's ImportProblem). */
export type ImportProblemView =
  | { row: number; kind: 'error'; issues: { field: string; code: string }[] }
  | { row: number; kind: 'duplicate'; reason: string; field: string; sameAsRow?: number };

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/gu, (_, key: string) => values[key] ?? '');
}

function issueText(locale: 'uk' | 'en', code: string): string {
  if (isContactIssueCode(code)) return contactMessage(locale, code);
  if (isCompanyIssueCode(code)) return companyMessage(locale, code);
  if (isDealIssueCode(code)) return dealMessage(locale, code);
  if (code === 'import.record_changed') return importMessages[locale].error.record_changed;
  const deal: Record<string, string> = importMessages[locale].deal;
  if (code.startsWith('import.') && code.slice(7) in deal) return deal[code.slice(7)] ?? '';
  const custom: Record<string, string> = customMessages[locale].custom;
  if (code.startsWith('custom.') && code.slice(7) in custom) return custom[code.slice(7)] ?? '';
  return importMessages[locale].error.invalid;
}

/**
 * A row error's field as people call it: `phones.0.number` → «Телефон», `stage` → «Етап»; a custom
 * field's label (already a label) or anything unknown stays as it is.
 */
function columnName(m: ImportCatalogue, path: string): string {
  const first = path.split('.')[0] ?? path;
  return Object.hasOwn(m.column, first) ? m.column[first as keyof ImportCatalogue['column']] : path;
}

/** One line per problem: `field: message` for errors, the duplicate's reason otherwise. */
export function importProblemText(locale: 'uk' | 'en', problem: ImportProblemView): string {
  const m = importMessages[locale];
  if (problem.kind === 'error')
    return problem.issues
      .map(i =>
        i.field
          ? `${columnName(m, i.field)}: ${issueText(locale, i.code)}`
          : issueText(locale, i.code),
      )
      .join(' ');
  const field = m.field[problem.field as keyof ImportCatalogue['field']] ?? problem.field;
  const reason =
    m.duplicate[problem.reason as keyof ImportCatalogue['duplicate']] ?? m.error.invalid;
  return fill(reason, { field, row: String(problem.sameAsRow ?? '') });
}

/** A warning about a row that was imported all the same (a deal's link not found). */
export function importWarningText(locale: 'uk' | 'en', code: string): string {
  const deal: Record<string, string> = importMessages[locale].deal;
  return code.startsWith('import.') && code.slice(7) in deal
    ? (deal[code.slice(7)] ?? '')
    : importMessages[locale].error.invalid;
}
