/**
 * The on-disk half of the sign-in lockout: `lockout.json` in the vault folder, HMAC-SHA256 protected.
 *
 * Why outside the encrypted database: the counters must be read BEFORE the password opens it.
 * Why an HMAC: an edited file (counters reset by hand) must be detected and fail closed.
 * The MAC key is random, kept in the OS keychain under `lockout:<vaultId>` when one is available,
 * else in `lockout.key` beside the file. That fallback only stops naive edits: whoever can read the
 * folder can recompute the MAC. Deleting or rolling back the file is caught before the next attempt
 * for a device-bound vault (the keychain keeps the highest `seq`: ./lockout-counter.ts), and for any
 * vault after sign-in by comparing `seq` with the copy kept in the database (`compareLockoutSeq`).
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../vault/atomic-write';
import type { DeviceSecretStore } from '../vault';

/** File names in the vault folder. */
export const LOCKOUT_FILES = { state: 'lockout.json', key: 'lockout.key' } as const;
/** Bounds that keep the file small whatever an attacker types. */
export const LOCKOUT_LIMITS = { timesPerLogin: 100, logins: 500 } as const;

const KEY_BYTES = 32;
const HEX64 = /^[0-9a-f]{64}$/u;
const int = z.number().int().nonnegative();

const counterSchema = z
  .object({
    failures: int,
    lastFailureAt: int,
    unaudited: z.array(int).max(LOCKOUT_LIMITS.timesPerLogin),
    unauditedCount: int,
  })
  .strict();

const stateSchema = z
  .object({
    format: z.literal('zamok-lockout'),
    version: z.literal(1),
    vaultId: z.string().min(1).max(200),
    seq: int,
    keyStore: z.enum(['keychain', 'file']),
    tamperedAt: int.nullable(),
    /** When an older (or no) file was found where the keychain counter knew a newer one. */
    rolledBackAt: int.nullable().optional(),
    lockAllUntil: int.nullable(),
    droppedFailures: int,
    logins: z.record(z.string().regex(HEX64), counterSchema),
  })
  .strict();

/** Failure counter of one login (keyed by its login id, never the login itself). */
export type LoginCounter = z.infer<typeof counterSchema>;
/** Everything in lockout.json except the MAC. */
export type LockoutState = z.infer<typeof stateSchema>;
/** Where the MAC key lives. */
export type KeyStoreKind = LockoutState['keyStore'];

/** The MAC key and where it is kept. */
export interface LockoutKey {
  key: Buffer;
  keyStore: KeyStoreKind;
}

/** What reading the file found: nothing, a verified state, or something that does not verify. */
export type LockoutRead =
  | { kind: 'missing' }
  | { kind: 'valid'; state: LockoutState }
  | { kind: 'tampered'; claimedSeq: number | null };

/** A fresh state with no failures. */
export function emptyLockoutState(vaultId: string, keyStore: KeyStoreKind): LockoutState {
  return {
    format: 'zamok-lockout',
    version: 1,
    vaultId,
    seq: 0,
    keyStore,
    tamperedAt: null,
    rolledBackAt: null,
    lockAllUntil: null,
    droppedFailures: 0,
    logins: {},
  };
}

/** JSON with object keys sorted at every level: the exact bytes the MAC covers. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (typeof value === 'object' && value !== null) {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function mac(key: Buffer, state: unknown): Buffer {
  return createHmac('sha256', key).update(canonicalJson(state), 'utf8').digest();
}

/** Writes the state with its MAC, atomically (temp file, fsync, rename). Throws `vault_not_writable`. */
export function writeLockoutFile(dir: string, key: Buffer, state: LockoutState): void {
  const body = { state, mac: mac(key, state).toString('hex') };
  writeFileAtomic(join(dir, LOCKOUT_FILES.state), `${JSON.stringify(body, null, 2)}\n`);
}

function claimedSeqOf(parsed: unknown): number | null {
  const seq = (parsed as { state?: { seq?: unknown } } | null)?.state?.seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 ? seq : null;
}

/** The key store the file claims to use (unverified; only picks which key to try). */
export function readClaimedKeyStore(dir: string): KeyStoreKind | null {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, LOCKOUT_FILES.state), 'utf8')) as unknown;
    const claimed = (parsed as { state?: { keyStore?: unknown } } | null)?.state?.keyStore;
    return claimed === 'keychain' || claimed === 'file' ? claimed : null;
  } catch {
    return null;
  }
}

/** Reads and verifies lockout.json. Any doubt (unreadable, bad MAC, other vault, bad shape) = tampered. */
export function readLockoutFile(dir: string, key: Buffer | null, vaultId: string): LockoutRead {
  let text: string;
  try {
    text = readFileSync(join(dir, LOCKOUT_FILES.state), 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'tampered', claimedSeq: null };
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { kind: 'tampered', claimedSeq: null };
  }
  const claimedSeq = claimedSeqOf(parsed);
  const envelope = z.object({ state: z.unknown(), mac: z.string().regex(HEX64) }).strict();
  const outer = envelope.safeParse(parsed);
  if (key === null || !outer.success) return { kind: 'tampered', claimedSeq };
  const expected = mac(key, outer.data.state);
  if (!timingSafeEqual(expected, Buffer.from(outer.data.mac, 'hex'))) {
    return { kind: 'tampered', claimedSeq };
  }
  const inner = stateSchema.safeParse(outer.data.state);
  if (!inner.success || inner.data.vaultId !== vaultId) return { kind: 'tampered', claimedSeq };
  return { kind: 'valid', state: inner.data };
}

function keychainId(vaultId: string): string {
  return `lockout:${vaultId}`;
}

function readKeyFile(dir: string): Buffer | null {
  try {
    const key = Buffer.from(readFileSync(join(dir, LOCKOUT_FILES.key), 'utf8').trim(), 'base64');
    return key.length === KEY_BYTES ? key : null;
  } catch {
    return null;
  }
}

/** The key the file claims to be MACed with, or null when that store does not have it (any more). */
export async function loadLockoutKey(
  dir: string,
  vaultId: string,
  keyStore: KeyStoreKind,
  deviceStore: DeviceSecretStore,
): Promise<LockoutKey | null> {
  const key =
    keyStore === 'keychain' ? await deviceStore.get(keychainId(vaultId)) : readKeyFile(dir);
  return key === null ? null : { key, keyStore };
}

/** A new random key: into the keychain when it takes it, else into lockout.key (mode 0600). */
export async function createLockoutKey(
  dir: string,
  vaultId: string,
  deviceStore: DeviceSecretStore,
): Promise<LockoutKey> {
  const key = randomBytes(KEY_BYTES);
  if (await deviceStore.isAvailable()) {
    try {
      await deviceStore.set(keychainId(vaultId), key);
      return { key, keyStore: 'keychain' };
    } catch {
      // The keychain refused it: fall back to the file below.
    }
  }
  writeFileAtomic(join(dir, LOCKOUT_FILES.key), `${key.toString('base64')}\n`);
  return { key, keyStore: 'file' };
}

/**
 * The id a login's counter is filed under: HMAC-SHA256 keyed by the vault id over the normalised
 * login. Not secret (like the keyring's slot ids), but no plaintext login ever reaches the file,
 * and it stays the same when the MAC key changes.
 */
export function lockoutLoginId(vaultId: string, normalisedLogin: string): string {
  const salt = createHash('sha256').update(`zamok-lockout-login:${vaultId}`, 'utf8').digest();
  return createHmac('sha256', salt).update(normalisedLogin, 'utf8').digest('hex');
}
