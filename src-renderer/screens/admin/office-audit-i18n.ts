/**
 * Words of the audit screen's office view (entries other laptops of the office sent through the
 * office audit partition). Merged under `admin` by ./i18n.ts.
 */
import type { Strings } from '../../i18n/types';

/** Ukrainian (the reference). */
export const uk = {
  officeAudit: {
    view: 'Чий журнал',
    thisLaptop: 'Цей комп’ютер',
    office: 'Офіс',
    from: 'Звідки',
    device: 'комп’ютер {{id}}',
    empty: 'Інші комп’ютери офісу ще не надіслали записів журналу.',
    problems_one:
      '{{count}} запис з інших комп’ютерів не збігається з їхнім ланцюжком: сервер міг видалити, переставити або змінити записи. Зверніться до відповідального за безпеку.',
    problems_few:
      '{{count}} записи з інших комп’ютерів не збігаються з їхнім ланцюжком: сервер міг видалити, переставити або змінити записи. Зверніться до відповідального за безпеку.',
    problems_many:
      '{{count}} записів з інших комп’ютерів не збігаються з їхнім ланцюжком: сервер міг видалити, переставити або змінити записи. Зверніться до відповідального за безпеку.',
    problems_other:
      '{{count}} запису з інших комп’ютерів не збігаються з їхнім ланцюжком: сервер міг видалити, переставити або змінити записи. Зверніться до відповідального за безпеку.',
    problem: {
      hash_mismatch: 'Вміст не відповідає підпису',
      digest_mismatch: 'Вміст змінено',
      seq_gap: 'Бракує записів перед ним',
      prev_mismatch: 'Порушено порядок',
      wrong_device: 'Надіслано іншим комп’ютером',
    },
  },
} as const;

/** English (same keys). */
export const en: Strings<typeof uk> = {
  officeAudit: {
    view: 'Whose log',
    thisLaptop: 'This computer',
    office: 'The office',
    from: 'From',
    device: 'computer {{id}}',
    empty: 'The other computers of the office have sent no log entries yet.',
    problems_one:
      '{{count}} entry from other computers does not match their chain: the server may have deleted, reordered or changed entries. Tell whoever is responsible for security.',
    problems_few:
      '{{count}} entries from other computers do not match their chain: the server may have deleted, reordered or changed entries. Tell whoever is responsible for security.',
    problems_many:
      '{{count}} entries from other computers do not match their chain: the server may have deleted, reordered or changed entries. Tell whoever is responsible for security.',
    problems_other:
      '{{count}} entries from other computers do not match their chain: the server may have deleted, reordered or changed entries. Tell whoever is responsible for security.',
    problem: {
      hash_mismatch: 'Content does not match its hash',
      digest_mismatch: 'Content changed',
      seq_gap: 'Entries missing before it',
      prev_mismatch: 'Order broken',
      wrong_device: 'Sent by another computer',
    },
  },
};
