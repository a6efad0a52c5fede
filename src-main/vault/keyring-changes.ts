/**
 * Key-slot changes that commit together with the database transaction around them.
 *
 * keyring.json and zamok.db are two files, so no single write changes both. The commit point is the
 * database's: a change first inserts a row (random id) into `keyring_changes` inside the caller's
 * transaction — the one that also holds the user row and the audit entry — and then writes the new
 * slot into keyring.json as a `pending` entry naming that id. Only when the row is committed does the
 * entry take effect ("settling" moves it into `slots`); an entry whose row never committed (the
 * process died, or the call failed and rolled back) is dropped. So a kill at any point leaves either
 * the old slot, the old user rows and no audit entry, or the new slot, the new rows and the entry.
 *
 * Deciding needs the SQLite write lock: inserting the row takes it, and it is held until COMMIT or
 * ROLLBACK. Whoever holds the write lock therefore knows that no other change is in flight: a pending
 * entry whose row it cannot see is abandoned. Settling runs right after the caller's transaction
 * ends (the audit wrapper calls `settleKeyring`), at every unlock (./unlock.ts), and before the next
 * change is staged; without the lock (another process is writing) it leaves entries undecided.
 */
import { randomBytes } from 'node:crypto';
import type { OpenVault } from './database';
import { VaultError } from './errors';
import { loadVaultKeyring } from './files';
import { writeKeyring, type Keyring, type PasswordSlot, type PendingSlotChange } from './keyring';

/** The points of a slot change, in order; the kill tests stop a child process at each. */
export const KEYRING_STEPS = ['row_inserted', 'staged', 'settling', 'settled'] as const;
/** One of `KEYRING_STEPS`. */
export type KeyringStep = (typeof KEYRING_STEPS)[number];

let stepHook: ((step: KeyringStep) => void) | null = null;

/** Test seam (kill tests only): called synchronously at each step of a slot change. */
export function setKeyringStepHook(hook: ((step: KeyringStep) => void) | null): void {
  stepHook = hook;
}

/** Change ids staged inside a transaction that has not ended yet, per connection. */
const inFlight = new WeakMap<OpenVault, Set<string>>();

/** The keyring of an open vault, re-read from disk so concurrent slot changes are not lost. */
export function currentKeyring(vault: OpenVault): Keyring {
  if (vault.closed) throw new Error('The vault is closed.');
  const keyring = loadVaultKeyring(vault.dir);
  if (keyring.vaultId !== vault.vaultId) {
    throw new VaultError('vault_corrupt', 'keyring.json now belongs to a different vault.');
  }
  return keyring;
}

/** The slots after one committed change: the login's slot replaced in place, added, or removed. */
function applied(slots: Keyring['slots'], change: PendingSlotChange): Keyring['slots'] {
  const index = slots.findIndex(s => s.kind === 'password' && s.loginHash === change.loginHash);
  if (change.slot === null) return slots.filter((_, i) => i !== index);
  if (index < 0) return [...slots, change.slot];
  return slots.map((s, i) => (i === index ? (change.slot as PasswordSlot) : s));
}

/**
 * Decides every pending entry not staged by this connection's open transaction: committed rows are
 * applied, the rest dropped. Only valid while the caller holds the write lock.
 */
function decide(vault: OpenVault, keyring: Keyring): Keyring {
  const pending = keyring.pending ?? [];
  if (pending.length === 0) return keyring;
  const mine = inFlight.get(vault) ?? new Set<string>();
  const committed = vault.sqlite.prepare('SELECT 1 FROM keyring_changes WHERE id = ?');
  let slots = keyring.slots;
  let damaged = keyring.damaged;
  const undecided: PendingSlotChange[] = [];
  for (const change of pending) {
    if (mine.has(change.change)) undecided.push(change);
    else if (committed.get(change.change) !== undefined) {
      slots = applied(slots, change);
      // A new slot (a recovery-key reset) or a removal supersedes a damaged entry of that login.
      damaged = damaged?.filter(d => d.loginHash !== change.loginHash);
    }
  }
  return { ...keyring, slots, pending: undecided, ...(damaged ? { damaged } : {}) };
}

function isBusy(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}

/**
 * Stages a slot change (`slot` for the login of `loginHash`, or null to remove its slot). Inside a
 * transaction the change commits with it; otherwise this runs its own short transaction.
 */
export function stageSlotChange(
  vault: OpenVault,
  loginHash: string,
  slot: PasswordSlot | null,
): void {
  const own = !vault.sqlite.inTransaction;
  if (own) vault.sqlite.exec('BEGIN IMMEDIATE');
  const change = randomBytes(16).toString('hex');
  try {
    vault.sqlite
      .prepare('INSERT INTO keyring_changes (id, at) VALUES (?, ?)')
      .run(change, new Date().toISOString());
    stepHook?.('row_inserted');
    // The insert holds the write lock: every entry already in the file is decidable now.
    const keyring = decide(vault, currentKeyring(vault));
    const others = (keyring.pending ?? []).filter(p => p.loginHash !== loginHash);
    writeKeyring(vault.dir, { ...keyring, pending: [...others, { change, loginHash, slot }] });
    const mine = inFlight.get(vault) ?? new Set<string>();
    mine.add(change);
    inFlight.set(vault, mine);
    stepHook?.('staged');
    if (own) vault.sqlite.exec('COMMIT');
  } catch (error) {
    if (own && vault.sqlite.inTransaction) vault.sqlite.exec('ROLLBACK');
    throw error;
  }
  if (own) settleKeyring(vault);
}

/**
 * `settleKeyring` for a connection that staged changes in its transaction, once that has ended
 * (committed or rolled back); does nothing otherwise, so callers may run it after every call.
 */
export function settleStagedChanges(vault: OpenVault): void {
  if (vault.closed || vault.sqlite.inTransaction || !inFlight.has(vault)) return;
  settleKeyring(vault);
}

/**
 * Applies committed pending changes and drops abandoned ones, once the connection's transaction has
 * ended (inside one it does nothing). Returns the keyring as it now stands; entries stay undecided
 * when another process holds the write lock. Throws `vault_not_writable` when the file cannot be
 * rewritten (the decision is then made again next time).
 */
export function settleKeyring(vault: OpenVault): Keyring {
  if (vault.closed) throw new Error('The vault is closed.');
  if (vault.sqlite.inTransaction) return currentKeyring(vault);
  inFlight.delete(vault);
  const before = currentKeyring(vault);
  if ((before.pending ?? []).length === 0) return before;
  stepHook?.('settling');
  try {
    vault.sqlite.exec('BEGIN IMMEDIATE');
  } catch (error) {
    if (isBusy(error)) return before;
    throw error;
  }
  try {
    const after = decide(vault, currentKeyring(vault));
    writeKeyring(vault.dir, after);
    stepHook?.('settled');
    return after;
  } finally {
    vault.sqlite.exec('ROLLBACK'); // nothing was written in it: it only held the lock
  }
}
