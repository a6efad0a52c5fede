/**
 * manifest.json: what a backup holds, written as the LAST tar member because the member hashes are
 * known only once every member has been streamed (one pass, no second read of the snapshot).
 */
import { z } from 'zod';

/** The backup format version this build writes (2: with manifest.mac); it reads 1 and 2. */
export const BACKUP_FORMAT_VERSION = 2;

/** File extension of a finished backup; temp files never end with it. */
export const BACKUP_EXTENSION = '.zamokbackup';

/** Tar member names. Attachments keep their relative path under `attachments/`. */
export const MEMBERS = {
  database: 'zamok.db',
  keyring: 'keyring.json',
  manifest: 'manifest.json',
  /** After manifest.json: its MAC (authenticity.ts). Not listed in the manifest. */
  mac: 'manifest.mac',
  attachmentsPrefix: 'attachments/',
} as const;

/** A member path we accept: fixed names, or attachments/ with plain path segments (no `..`). */
export function isAllowedMemberName(name: string): boolean {
  if (name === MEMBERS.database || name === MEMBERS.keyring || name === MEMBERS.manifest) {
    return true;
  }
  if (!name.startsWith(MEMBERS.attachmentsPrefix)) return false;
  const segments = name.slice(MEMBERS.attachmentsPrefix.length).split('/');
  return (
    name.length <= 1024 &&
    segments.every(s => /^[A-Za-z0-9._-]{1,255}$/.test(s) && s !== '.' && s !== '..')
  );
}

const memberSchema = z
  .object({
    name: z.string().refine(isAllowedMemberName, 'member name'),
    size: z.number().int().nonnegative(),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
  })
  .strict();

/** The manifest schema (strict: unknown fields mean a format this build does not know). */
export const manifestSchema = z
  .object({
    format: z.literal('zamok-backup'),
    formatVersion: z.number().int().positive(),
    vaultId: z.string().regex(/^[0-9a-f]{32}$/),
    /** Applied migration ids; null when the backup was made while the vault was locked. */
    schemaVersion: z.array(z.string().max(200)).max(10_000).nullable(),
    appVersion: z.string().max(50),
    createdAt: z.iso.datetime(),
    createdBy: z.string().max(100),
    counts: z
      .object({
        users: z.number().int().nonnegative(),
        contacts: z.number().int().nonnegative().nullable(),
        auditEntries: z.number().int().nonnegative(),
      })
      .strict()
      .nullable(),
    auditHead: z
      .object({ seq: z.number().int().nonnegative(), hash: z.string().max(64) })
      .strict()
      .nullable(),
    members: z.array(memberSchema).max(1_000_000),
  })
  .strict();

/** A backup's manifest. */
export type Manifest = z.infer<typeof manifestSchema>;
/** One member line of the manifest. */
export type ManifestMember = Manifest['members'][number];
/** Record counts in a manifest (null when made while the vault was locked: no key to count with). */
export type RecordCounts = NonNullable<Manifest['counts']>;

/** `zamok-<vaultId>-<UTC yyyymmddThhmmssZ>.zamokbackup`; the vault id lets a recovery key open it. */
export function backupFileName(vaultId: string, at: Date): string {
  const stamp = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  return `zamok-${vaultId}-${stamp}${BACKUP_EXTENSION}`;
}

/** Reads vault id and time back from a backup file name; null for any other name. */
export function parseBackupFileName(name: string): { vaultId: string; createdAt: Date } | null {
  const m = /^zamok-([0-9a-f]{32})-(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z\.zamokbackup$/.exec(
    name,
  );
  if (!m) return null;
  const [, vaultId, y, mo, d, h, mi, s] = m;
  const createdAt = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}Z`);
  if (vaultId === undefined || Number.isNaN(createdAt.getTime())) return null;
  return { vaultId, createdAt };
}
