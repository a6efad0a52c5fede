/**
 * keyring.json: the key slots of a vault (format in docs/VAULT_FORMAT.md). Reading validates every
 * field with zod; anything malformed is `vault_corrupt`. Writing is atomic (see ./atomic-write).
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from './atomic-write';
import { VaultError } from './errors';
import { KDF_LIMITS } from './kdf';
import {
  checkMatches,
  describeDamaged,
  slotDamaged,
  withCheck,
  type DamagedSlot,
} from './slot-check';

/** File names inside a vault folder. */
export const VAULT_FILES = {
  database: 'zamok.db',
  keyring: 'keyring.json',
  attachments: 'attachments',
} as const;

/**
 * The keyring format version this build writes. Version 2 added the optional `pending` list
 * (uncommitted slot changes, ./keyring-changes.ts); version 1 files are still read.
 */
export const KEYRING_VERSION = 2;

function base64Bytes(length: number) {
  return z
    .string()
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'base64')
    .refine(s => Buffer.from(s, 'base64').length === length, `${length} bytes`);
}

const kdfSchema = z
  .object({
    algorithm: z.literal('argon2id'),
    memoryKiB: z.number().int().min(KDF_LIMITS.memoryKiB.min).max(KDF_LIMITS.memoryKiB.max),
    iterations: z.number().int().min(KDF_LIMITS.iterations.min).max(KDF_LIMITS.iterations.max),
    parallelism: z.number().int().min(KDF_LIMITS.parallelism.min).max(KDF_LIMITS.parallelism.max),
    salt: base64Bytes(16),
  })
  .strict()
  .refine(k => k.memoryKiB >= 8 * k.parallelism, 'memoryKiB ≥ 8 × parallelism');

const wrapFields = {
  id: z.string().regex(/^[0-9a-f]{32}$/),
  kdf: kdfSchema,
  iv: base64Bytes(12),
  wrappedKey: base64Bytes(32),
  tag: base64Bytes(16),
  /** Format 2: a checksum of the other fields (./slot-check.ts); absent in format 1 files. */
  check: z
    .string()
    .regex(/^[0-9a-f]{32}$/)
    .optional(),
};

const passwordSlotSchema = z
  .object({
    kind: z.literal('password'),
    loginHash: z.string().regex(/^[0-9a-f]{64}$/),
    deviceBound: z.boolean(),
    ...wrapFields,
  })
  .strict();

const recoverySlotSchema = z
  .object({ kind: z.literal('recovery'), deviceBound: z.literal(false), ...wrapFields })
  .strict();

const slotSchema = z.discriminatedUnion('kind', [passwordSlotSchema, recoverySlotSchema]);

/**
 * A slot change written before its database transaction committed: `slot` replaces (or adds) the
 * login's slot, null removes it, once the row `change` exists in `keyring_changes`.
 */
const pendingSchema = z
  .object({
    change: z.string().regex(/^[0-9a-f]{32}$/),
    loginHash: z.string().regex(/^[0-9a-f]{64}$/),
    slot: passwordSlotSchema.nullable(),
  })
  .strict()
  .refine(p => p.slot === null || p.slot.loginHash === p.loginHash, 'pending slot of its login');

const headerFields = {
  format: z.literal('zamok-keyring'),
  version: z.union([z.literal(1), z.literal(KEYRING_VERSION)]),
  vaultId: z.string().regex(/^[0-9a-f]{32}$/),
  loginSalt: base64Bytes(32),
  pending: z.array(pendingSchema).max(1_000).optional(),
};

/** The file as stored: slot entries are checked one by one, so one damaged slot is not all of them. */
const fileSchema = z.object({ ...headerFields, slots: z.array(z.unknown()).max(10_000) }).strict();

const keyringSchema = z
  .object({
    ...headerFields,
    slots: z.array(slotSchema).max(10_000),
    damaged: z.array(z.custom<DamagedSlot>()).optional(),
  })
  .strict()
  .refine(k => {
    const recovery = k.slots.filter(s => s.kind === 'recovery').length;
    return recovery === 1 || (recovery === 0 && (k.damaged ?? []).length > 0);
  }, 'exactly one recovery slot')
  .refine(k => new Set(k.slots.map(s => s.id)).size === k.slots.length, 'unique slot ids')
  .refine(k => {
    const hashes = k.slots.flatMap(s => (s.kind === 'password' ? [s.loginHash] : []));
    return new Set(hashes).size === hashes.length;
  }, 'one slot per login')
  .refine(k => {
    const hashes = (k.pending ?? []).map(p => p.loginHash);
    return new Set(hashes).size === hashes.length;
  }, 'one pending change per login');

/** Parsed keyring.json. */
export type Keyring = z.infer<typeof keyringSchema>;
/** Any slot. */
export type Slot = z.infer<typeof slotSchema>;
/** A slot unlocked by a user's password (and, when bound, the device secret). */
export type PasswordSlot = z.infer<typeof passwordSlotSchema>;
/** The slot unlocked by the owner's recovery key. */
export type RecoverySlot = z.infer<typeof recoverySlotSchema>;
/** A slot change not yet known to be committed (see ./keyring-changes.ts). */
export type PendingSlotChange = z.infer<typeof pendingSchema>;

/** Logins compare trimmed, lower-case, NFC: `' Olena '` and `'olena'` are the same person. */
export function normalizeLogin(login: string): string {
  return login.normalize('NFC').trim().toLowerCase();
}

/** HMAC-SHA256(loginSalt, normalized login) as hex: how a slot is found without listing logins. */
export function loginHash(keyring: Pick<Keyring, 'loginSalt'>, login: string): string {
  return createHmac('sha256', Buffer.from(keyring.loginSalt, 'base64'))
    .update(normalizeLogin(login), 'utf8')
    .digest('hex');
}

/** The password slot for a login, compared in constant time per slot. */
export function findPasswordSlot(keyring: Keyring, login: string): PasswordSlot | undefined {
  const wanted = Buffer.from(loginHash(keyring, login), 'hex');
  let found: PasswordSlot | undefined;
  for (const slot of keyring.slots) {
    if (slot.kind === 'password' && timingSafeEqual(Buffer.from(slot.loginHash, 'hex'), wanted)) {
      found = slot;
    }
  }
  return found;
}

/** The staged (uncommitted) slot of a login, if a pending change would set one. */
export function findPendingSlot(keyring: Keyring, login: string): PasswordSlot | undefined {
  const hash = loginHash(keyring, login);
  return keyring.pending?.find(p => p.loginHash === hash)?.slot ?? undefined;
}

/** Whether the login's slot is among the damaged entries (./slot-check.ts). */
export function isSlotDamaged(keyring: Keyring, login: string): boolean {
  const hash = loginHash(keyring, login);
  return (keyring.damaged ?? []).some(d => d.loginHash === hash);
}

/** The recovery slot (the schema guarantees one, or a damaged entry in its place). */
export function recoverySlot(keyring: Keyring): RecoverySlot {
  const slot = keyring.slots.find((s): s is RecoverySlot => s.kind === 'recovery');
  if (!slot) throw slotDamaged('recovery');
  return slot;
}

/** Sorts the file's slot entries into intact slots (check stripped) and damaged entries. */
function sortSlots(entries: unknown[]): { slots: Slot[]; damaged: DamagedSlot[] } {
  const slots: Slot[] = [];
  const damaged: DamagedSlot[] = [];
  for (const entry of entries) {
    const parsed = slotSchema.safeParse(entry);
    if (parsed.success && checkMatches(parsed.data)) {
      const { check: _check, ...slot } = parsed.data;
      slots.push(slot as Slot);
    } else {
      damaged.push(describeDamaged(entry));
    }
  }
  return { slots, damaged };
}

/** Validates keyring.json text. Throws `vault_newer` for a newer format, `vault_corrupt` otherwise. */
export function parseKeyring(text: string): Keyring {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new VaultError('vault_corrupt', 'keyring.json is damaged (not valid JSON; truncated?).', {
      cause: err,
    });
  }
  const version = (json as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > KEYRING_VERSION) {
    throw new VaultError(
      'vault_newer',
      `keyring.json has format version ${version}; this Zamok reads version ${KEYRING_VERSION}. Update Zamok to open it.`,
    );
  }
  const file = fileSchema.safeParse(json);
  const sorted = file.success ? sortSlots(file.data.slots) : null;
  const parsed = file.success
    ? keyringSchema.safeParse({
        ...file.data,
        ...sorted,
        damaged: sorted?.damaged.length ? sorted.damaged : undefined,
      })
    : file;
  if (!parsed.success) {
    const where = parsed.error.issues[0]?.path.join('.') || 'top level';
    throw new VaultError('vault_corrupt', `keyring.json is damaged (invalid field at ${where}).`);
  }
  const { damaged, ...keyring } = parsed.data;
  return damaged ? { ...keyring, damaged } : keyring;
}

/** Reads and validates `<dir>/keyring.json`. A missing file is `vault_corrupt` here; callers check existence first. */
export function readKeyring(dir: string): Keyring {
  let text: string;
  try {
    text = readFileSync(join(dir, VAULT_FILES.keyring), 'utf8');
  } catch (err) {
    throw new VaultError('vault_corrupt', 'keyring.json cannot be read.', { cause: err });
  }
  return parseKeyring(text);
}

/**
 * Validates and atomically writes `<dir>/keyring.json` (current version, every slot with its check,
 * damaged entries kept as found, no empty `pending`).
 */
export function writeKeyring(dir: string, keyring: Keyring): void {
  keyringSchema.parse(keyring);
  const { pending, damaged, slots, ...header } = keyring;
  const file = {
    ...header,
    version: KEYRING_VERSION,
    slots: [...slots.map(withCheck), ...(damaged ?? []).map(d => d.raw)],
    ...(pending && pending.length > 0
      ? { pending: pending.map(p => ({ ...p, slot: p.slot && withCheck(p.slot) })) }
      : {}),
  };
  const text = `${JSON.stringify(file, null, 2)}\n`;
  parseKeyring(text); // never write a file we would refuse to read
  writeFileAtomic(join(dir, VAULT_FILES.keyring), text);
}
