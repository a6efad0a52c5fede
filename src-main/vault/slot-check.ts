/**
 * Telling a damaged key slot from a wrong password. AES-GCM fails the same way for both, so every
 * slot written since keyring format 2 carries `check`: the first 128 bits (hex) of SHA-256 over the
 * slot's other fields as canonical JSON. It is not a secret and not a MAC — whoever edits the file
 * can recompute it — it only catches accidental damage (a flipped byte, a cut line). A slot whose
 * entry does not parse or whose check does not match is kept aside as damaged: its login is told
 * `key_slot_damaged`, not "wrong password", and the attempt does not count towards the lockout.
 */
import { createHash } from 'node:crypto';
import { VaultError } from './errors';

/** A slot entry of keyring.json that did not parse or whose check did not match, kept as found. */
export interface DamagedSlot {
  /** The login hash the entry still names (null when that field is unreadable too). */
  loginHash: string | null;
  kind: 'password' | 'recovery' | null;
  /** The entry as it was in the file, written back unchanged (evidence; a restore may need it). */
  raw: unknown;
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The check of a slot: over every field but `check` itself. */
export function slotCheck(slot: object): string {
  const fields = Object.fromEntries(Object.entries(slot).filter(([key]) => key !== 'check'));
  return createHash('sha256').update(canonical(fields), 'utf8').digest('hex').slice(0, 32);
}

/** The slot with its check (to write). */
export function withCheck<T extends object>(slot: T): T & { check: string } {
  return { ...slot, check: slotCheck(slot) };
}

/** Whether a parsed slot's check (if it has one: format 1 slots do not) matches its fields. */
export function checkMatches(slot: { check?: string | undefined }): boolean {
  return slot.check === undefined || slot.check === slotCheck(slot);
}

/** What is known of a damaged entry, read without trusting it. */
export function describeDamaged(raw: unknown): DamagedSlot {
  const fields = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
  const hash = fields.loginHash;
  const kind = fields.kind;
  return {
    loginHash: typeof hash === 'string' && /^[0-9a-f]{64}$/.test(hash) ? hash : null,
    kind: kind === 'password' || kind === 'recovery' ? kind : null,
    raw,
  };
}

/** The error for a login (or the recovery key) whose slot is damaged. */
export function slotDamaged(kind: 'password' | 'recovery'): VaultError {
  return new VaultError(
    'key_slot_damaged',
    kind === 'password'
      ? 'The key slot of this login in keyring.json is damaged. Restore keyring.json from a backup, or reset the password with the recovery key.'
      : 'The recovery key’s slot in keyring.json is damaged. Restore keyring.json from a backup.',
  );
}
