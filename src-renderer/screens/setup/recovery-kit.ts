/** Recovery kits and codes as plain-text files ("Save as file"), and the download itself. */
import type { TFunction } from 'i18next';
import type { SetupResult } from '../../../src-shared/ipc/auth';
import { offerDownload } from '../../components/download';

/**
 * The kit text in the current language: title, date, vault, owner login, recovery key, the ten
 * codes numbered, and how to keep it. CRLF line ends so Windows Notepad shows it right.
 */
export function recoveryKitText(
  t: TFunction,
  kit: Pick<SetupResult, 'vaultId' | 'recoveryKey' | 'recoveryCodes'> & { login: string },
  createdAt: Date,
  locale: string,
): string {
  const lines = [
    t('setup.kit.fileTitle'),
    '',
    t('setup.kit.fileCreated', { date: createdAt.toLocaleString(locale) }),
    t('setup.kit.fileVault', { vaultId: kit.vaultId }),
    t('setup.kit.fileLogin', { login: kit.login }),
    '',
    t('setup.kit.fileKeyHeading'),
    kit.recoveryKey,
    '',
    t('setup.kit.fileCodesHeading'),
    ...kit.recoveryCodes.map((code, index) => `${String(index + 1).padStart(2, ' ')}. ${code}`),
    '',
    t('setup.kit.fileAdvice'),
    '',
  ];
  return lines.join('\r\n');
}

/** A staff member's new recovery codes (first sign-in) as a text file, like the owner's kit. */
export function recoveryCodesText(
  t: TFunction,
  login: string,
  codes: string[],
  createdAt: Date,
  locale: string,
): string {
  return [
    t('firstSignIn.fileTitle'),
    '',
    t('setup.kit.fileCreated', { date: createdAt.toLocaleString(locale) }),
    t('firstSignIn.fileLogin', { login }),
    '',
    t('setup.kit.fileCodesHeading'),
    ...codes.map((code, index) => `${String(index + 1).padStart(2, ' ')}. ${code}`),
    '',
    t('firstSignIn.fileAdvice'),
    '',
  ].join('\r\n');
}

/** Offers `text` as a download (a Blob URL; Electron turns it into a save dialog). */
export function downloadTextFile(fileName: string, text: string): void {
  // The BOM makes older Windows editors read the Cyrillic text as UTF-8.
  offerDownload(fileName, new Blob(['\ufeff', text], { type: 'text/plain;charset=utf-8' }), 1000);
}
