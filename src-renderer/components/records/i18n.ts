/**
 * Words every record type's dialogs say alike, spread into each record catalogue (contacts,
 * companies) so that both keep their own full `remove.*` and `reassign.*` sections.
 */
export const recordWords = {
  /** The delete dialog's buttons. */
  deleteUk: { confirm: 'Видалити', busy: 'Видаляємо…', cancel: 'Скасувати' },
  /** …and in English its warning about attached documents too (said alike for every record). */
  deleteEn: {
    documents_one:
      '{{count}} document is attached. It will be destroyed for good and cannot be restored.',
    // English has no few/many; the keys exist because the catalogue mirrors the Ukrainian one.
    documents_few:
      '{{count}} documents are attached. They will be destroyed for good and cannot be restored.',
    documents_many:
      '{{count}} documents are attached. They will be destroyed for good and cannot be restored.',
    documents_other:
      '{{count}} documents are attached. They will be destroyed for good and cannot be restored.',
    confirm: 'Delete',
    busy: 'Deleting…',
    cancel: 'Cancel',
  },
  /** The reassign dialog's buttons. */
  giveUk: { confirm: 'Передати', busy: 'Передаємо…', cancel: 'Скасувати' },
  giveEn: { confirm: 'Give', busy: 'Giving…', cancel: 'Cancel' },
  /** The form's buttons and their keyboard hints. */
  formUk: {
    save: 'Зберегти',
    saveHint: 'Ctrl+Enter — зберегти',
    saving: 'Зберігаємо…',
    cancel: 'Скасувати',
    cancelHint: 'Esc — скасувати',
    draftRestored: 'Повернуто незбережені зміни, які ви ввели раніше.',
    // The limit comes from the shared contract (CONTACT_LIMITS, …) through the form.
    tooLong_one: 'Не більше {{count}} символу.',
    tooLong_few: 'Не більше {{count}} символів.',
    tooLong_many: 'Не більше {{count}} символів.',
    tooLong_other: 'Не більше {{count}} символу.',
    discardDraft: 'Відкинути зміни',
  },
  formEn: {
    save: 'Save',
    saveHint: 'Ctrl+Enter to save',
    saving: 'Saving…',
    cancel: 'Cancel',
    cancelHint: 'Esc to cancel',
    draftRestored: 'Your unsaved changes from before are back.',
    // English has no few/many; the keys exist because the catalogue mirrors the Ukrainian one.
    tooLong_one: 'At most {{count}} character.',
    tooLong_few: 'At most {{count}} characters.',
    tooLong_many: 'At most {{count}} characters.',
    tooLong_other: 'At most {{count}} characters.',
    discardDraft: 'Discard changes',
  },
};
