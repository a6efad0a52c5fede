/**
 * Words every record type's dialogs say alike, spread into each record catalogue (contacts,
 * companies) so that both keep their own full `remove.*` and `reassign.*` sections.
 */

/** The delete dialog's buttons. */
export const deleteButtonsUk = { confirm: 'Видалити', busy: 'Видаляємо…', cancel: 'Скасувати' };
export const deleteButtonsEn: typeof deleteButtonsUk = {
  confirm: 'Delete',
  busy: 'Deleting…',
  cancel: 'Cancel',
};

/** The delete dialog's warning about attached documents (English says it alike for every record). */
export const attachedDocumentsEn = {
  documents_one:
    '{{count}} document is attached. It will be destroyed for good and cannot be restored.',
  // English has no few/many; the keys exist because the catalogue mirrors the Ukrainian one.
  documents_few:
    '{{count}} documents are attached. They will be destroyed for good and cannot be restored.',
  documents_many:
    '{{count}} documents are attached. They will be destroyed for good and cannot be restored.',
  documents_other:
    '{{count}} documents are attached. They will be destroyed for good and cannot be restored.',
};

/** The reassign dialog's buttons. */
export const giveButtonsUk = { confirm: 'Передати', busy: 'Передаємо…', cancel: 'Скасувати' };
export const giveButtonsEn: typeof giveButtonsUk = {
  confirm: 'Give',
  busy: 'Giving…',
  cancel: 'Cancel',
};
