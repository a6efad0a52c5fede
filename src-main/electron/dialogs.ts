/**
 * Texts of the few native dialogs the main process shows (Ukrainian and English, by the OS
 * language; the renderer's i18n is not available before a window exists or after a crash).
 */

/** The dialog texts. */
export interface DialogTexts {
  upgradeBlockedTitle: string;
  upgradeBlocked(reason: string): string;
  updateReadyMessage(version: string): string;
  updateReadyDetail: string;
  updateInstallButton: string;
  updateLaterButton: string;
  updateRefusedTitle: string;
}

const en: DialogTexts = {
  upgradeBlockedTitle: 'Zamok cannot upgrade the vault yet',
  upgradeBlocked: reason =>
    `This version of Zamok needs to upgrade the vault, and makes a verified backup first. ` +
    `The backup did not succeed, so nothing was changed.\n\n${reason}`,
  updateReadyMessage: version => `Zamok ${version} is ready to install.`,
  updateReadyDetail:
    'It will be installed when you close Zamok, after an automatic backup of the vault.',
  updateInstallButton: 'Install when Zamok closes',
  updateLaterButton: 'Later',
  updateRefusedTitle: 'The update was not installed',
};

const uk: DialogTexts = {
  upgradeBlockedTitle: 'Zamok поки не може оновити сховище',
  upgradeBlocked: reason =>
    `Ця версія Zamok має оновити сховище і спершу робить перевірену резервну копію. ` +
    `Копію створити не вдалося, тож нічого не змінено.\n\n${reason}`,
  updateReadyMessage: version => `Zamok ${version} готовий до встановлення.`,
  updateReadyDetail:
    'Оновлення встановиться, коли ви закриєте Zamok, після автоматичної резервної копії сховища.',
  updateInstallButton: 'Встановити під час закриття',
  updateLaterButton: 'Пізніше',
  updateRefusedTitle: 'Оновлення не встановлено',
};

/** Texts for an OS locale such as `uk`, `uk-UA` or `en-US` (Ukrainian or English). */
export function dialogTexts(locale: string): DialogTexts {
  return locale.toLowerCase().startsWith('uk') ? uk : en;
}
