/**
 * Every backup failure reason the main process can send has a sentence in Ukrainian and English,
 * and a call error or a run result carrying `reason: 'destination_full'` is worded as a full disk
 * (its bridge code alone, `vault_not_writable`, would read as "cannot be written").
 */
import { describe, expect, it } from 'vitest';
import { BACKUP_ERROR_REASONS } from '../../../src-shared/ipc/backup';
import { createI18n } from '../../i18n';
import { backupErrorText, runErrorText } from './backup-api';

describe('backup failure sentences', () => {
  it.each(['uk', 'en'] as const)('%s: every reason has its own sentence', language => {
    const { t } = createI18n(language);
    const sentences = BACKUP_ERROR_REASONS.map(r => t(`backups.errors.${r}`));
    for (const [i, text] of sentences.entries()) {
      expect(text).not.toBe(`backups.errors.${BACKUP_ERROR_REASONS[i] ?? ''}`);
    }
    expect(new Set(sentences).size).toBe(sentences.length);
    for (const condition of ['truncated', 'unreadable']) {
      expect(t(`backups.history.${condition}`)).not.toBe(`backups.history.${condition}`);
    }
  });

  it('a full destination reads as a full disk, from a call error and from a run result', () => {
    const uk = createI18n('uk').t;
    const en = createI18n('en').t;
    const error = {
      code: 'vault_not_writable' as const,
      message: 'The backup folder’s disk is full.',
      details: { reason: 'destination_full' },
    };
    expect(backupErrorText(en, error)).toMatch(/disk is full/);
    expect(backupErrorText(uk, error)).toMatch(/заповнений/);
    expect(runErrorText(uk, 'destination_full')).toMatch(/заповнений/);
    // A run without a reason (an older state file, an unforeseen failure) never shows main's English.
    expect(runErrorText(uk, null)).toMatch(/непередбачену помилку/);
    expect(runErrorText(en, undefined)).toMatch(/unexpected error/);
  });
});
