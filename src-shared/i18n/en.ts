/**
 * English shared messages: every error code (`errors.<code>`) and password issue (`password.<issue>`).
 * Each message says what happened and what to do next. Placeholders use i18next's `{{name}}`.
 */
import type { SharedCatalogue } from './catalogue';

/** The English shared catalogue (complete; the fallback for any missing Ukrainian key). */
export const en = {
  errors: {
    invalid_input: 'Some of the information entered is not valid. Check the fields and try again.',
    unknown_channel:
      'This action is not available in this version of Zamok. Restart the app; if that does not help, update it.',
    forbidden_sender: 'The request came from an untrusted window and was blocked. Restart Zamok.',
    unauthenticated: 'Your session has ended. Sign in again.',
    forbidden: 'You do not have permission to do this. Ask the owner or an administrator.',
    not_found: 'It was not found; it may have been deleted. Refresh the list and try again.',
    conflict:
      'This conflicts with existing data (for example, the login is already taken). Change it and try again.',
    auth_failed: 'The login, password or code is wrong. Check them and try again.',
    key_slot_damaged:
      'The key of this account in the vault file keyring.json is damaged, so no password can open it. Restore keyring.json from your latest backup, or ask the owner to reset your password with the recovery key.',
    locked_out: 'Too many attempts. Try again in {{minutes}} min.',
    device_not_approved:
      'This computer is not approved for sign-in yet. Ask the owner to approve it in Settings → Devices and networks, then sign in again.',
    network_not_allowed:
      'Sign-in is allowed on the office network only. Connect to it (or to the office VPN) and try again; if you are in the office, ask the owner.',
    password_change_required: 'You need to set a new password before you continue.',
    weak_password:
      'This password is too easy to guess. Choose a longer, less predictable one (see the hints).',
    vault_exists: 'This folder already holds a vault. Sign in to it or choose another folder.',
    vault_missing:
      'No vault was found in this folder. Choose the right folder or create a new vault.',
    vault_corrupt:
      'The vault files are damaged or unreadable. Restore them from your latest backup.',
    vault_newer: 'This vault was saved by a newer version of Zamok. Update the app to open it.',
    vault_unknown_migration:
      'This vault holds changes this version of Zamok does not know. Update the app, and do not edit the vault files.',
    vault_not_writable:
      'Zamok cannot write to the vault files: the folder or zamok.db is read-only (or marked immutable). Check the permissions of the vault folder and its files.',
    vault_full:
      'The disk that holds the vault is full, so the change was not saved. Free some space on it and try again.',
    vault_damaged:
      'The vault’s last changes are missing or damaged — restore from a backup. The damaged files were kept aside; nothing more is written to them.',
    vault_in_use:
      'The vault is open in another Zamok window or process and busy there. Wait for it to finish (or close it) and try again.',
    vault_network_share:
      'The vault folder is on a network drive (SMB, NFS or similar). A vault on a shared folder can be damaged when several computers write to it, so Zamok refuses it. Keep the vault on this computer’s own disk; to work on the same clients with colleagues, join your office server (office sync).',
    office_unreachable:
      'The office server cannot be reached, or it is not the server this vault trusts (address or certificate). Your changes are kept and will sync later; check the connection or the server address.',
    office_removed:
      'This laptop was removed from the office: its vault was wiped. Ask the office owner if you should have access.',
    invalid_declaration:
      'This version of Zamok describes this action wrongly, so nothing was done. Tell your administrator: the app needs a fix.',
    internal:
      'Something went wrong in Zamok. Try again; if it happens again, restart the app and tell your administrator.',
  },
  password: {
    too_short: 'Use at least 12 characters.',
    contains_login: 'The password must not contain your login.',
    common: 'This password is on a list of commonly used passwords. Choose another one.',
    weak: 'This password is easy to guess. Add a few more unrelated words.',
  },
} as const satisfies SharedCatalogue;
