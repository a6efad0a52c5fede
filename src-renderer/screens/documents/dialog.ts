/** Marks the documents panel's dialogs, so keys pressed in them do not reach the page's shortcuts. */
export const DIALOG_ATTRIBUTE = 'data-documents-dialog';
