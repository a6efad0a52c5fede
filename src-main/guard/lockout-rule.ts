/**
 * The `lockout_file_changed` rule: the sign-in limits' file was edited, put back from an older copy
 * or deleted (src-main/auth/lockout.ts). The sign-in that finds out writes
 * `auth.lockout_file_tampered` or `auth.lockout_file_rolled_back` (src-main/app/sign-in-audit.ts);
 * this rule turns either into a high alert, since failed guesses may have gone uncounted.
 */
import type { Rule } from './rule-types';

const DAY = 86_400_000;

/** The lockout-file actions this rule alerts on. */
export const LOCKOUT_FILE_ACTIONS: ReadonlySet<string> = new Set([
  'auth.lockout_file_tampered',
  'auth.lockout_file_rolled_back',
]);

/** A tampered, rolled-back or deleted lockout file, as recorded at the next sign-in. */
export const lockoutFileChanged: Rule = ({ entry }) => {
  if (!LOCKOUT_FILE_ACTIONS.has(entry.action)) return [];
  const how = entry.action === 'auth.lockout_file_tampered' ? 'edited' : 'rolled_back';
  const detectedBy =
    typeof entry.details?.detectedBy === 'string' ? entry.details.detectedBy : null;
  return [
    {
      rule: 'lockout_file_changed',
      userId: null,
      details: { how, detectedBy },
      windowMs: DAY,
    },
  ];
};
