/**
 * A laptop removed from the office (its user dismissed, its device revoked) wipes its vault the
 * next time it reaches the server and proves who it is (the server answers `device_revoked` only
 * to a valid signature). In order: an audit entry in the vault's own chain (it is shredded with
 * the rest, but a copy made before — a backup — shows why the vault ended), the vault is closed,
 * every file in the vault folder is overwritten with random bytes, flushed and removed (the
 * database, its WAL, the keyring with every key slot, attachments, logs), and a marker file with no
 * personal data says "this laptop was removed from the office" to whoever opens the folder next.
 *
 * Honest limit: overwriting in place does not reach copies a copy-on-write or journalling file
 * system, an SSD's wear levelling or a backup kept elsewhere; those stay encrypted under the
 * user's password (docs/THREAT_MODEL.md).
 */
import { randomFillSync } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readFileSync, writeFileSync, writeSync } from 'node:fs';
import { readdir, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { appendAudit } from '../audit';
import type { OpenVault } from '../vault';
import { OfficeCallError } from './client';
import { loadOfficeSettings } from './store';

/** The marker a wiped vault folder keeps. */
export const REMOVED_MARKER = 'office-removed.json';

/** The server refused this device for good: the caller wipes the vault (`wipeRemovedVault`). */
export class DeviceRemovedError extends Error {
  constructor() {
    super('This laptop was removed from the office.');
    this.name = 'DeviceRemovedError';
  }
}

/** Whether an office error means this device was removed. */
export function isDeviceRemoved(error: unknown): boolean {
  return error instanceof OfficeCallError && error.code === 'device_revoked';
}

const markerSchema = z
  .object({
    state: z.literal('removed_from_office'),
    removedAt: z.string(),
    officeId: z.string(),
    deviceId: z.string(),
  })
  .strict();
/** What the marker says. */
export type RemovedFromOffice = z.infer<typeof markerSchema>;

/** The marker of a wiped vault folder, or null (none, or not one of ours). */
export function removedFromOffice(dir: string): RemovedFromOffice | null {
  try {
    const parsed = markerSchema.safeParse(
      JSON.parse(readFileSync(join(dir, REMOVED_MARKER), 'utf8')),
    );
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

const CHUNK = 64 * 1024;

/** Overwrites a file with random bytes, flushes it, removes it. */
async function shred(path: string): Promise<void> {
  const { size } = await stat(path);
  const fd = openSync(path, 'r+');
  try {
    const buffer = Buffer.alloc(CHUNK);
    for (let at = 0; at < size; at += CHUNK) {
      const n = Math.min(CHUNK, size - at);
      randomFillSync(buffer, 0, n);
      writeSync(fd, buffer, 0, n, at);
    }
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  await rm(path, { force: true });
}

async function shredTree(dir: string): Promise<number> {
  let files = 0;
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      files += await shredTree(path);
      await rm(path, { recursive: true, force: true });
    } else if (entry.isFile()) {
      await shred(path);
      files += 1;
    } else {
      await rm(path, { force: true });
    }
  }
  return files;
}

/**
 * Wipes a vault whose device the office removed (see the file comment); answers how many files
 * were shredded. The vault is closed by this call.
 */
export async function wipeRemovedVault(vault: OpenVault, at: Date = new Date()): Promise<number> {
  const settings = await loadOfficeSettings(vault.db);
  const officeId = settings?.office_id ?? '';
  const deviceId = settings?.device_id ?? '';
  try {
    appendAudit(vault.sqlite, {
      action: 'sync.device_removed',
      deviceId,
      outcome: 'ok',
      details: { officeId },
    });
  } catch {
    // The wipe goes on: a vault that cannot write its audit entry is shredded all the same.
  }
  vault.close();
  const files = await shredTree(vault.dir);
  const marker: RemovedFromOffice = {
    state: 'removed_from_office',
    removedAt: at.toISOString(),
    officeId,
    deviceId,
  };
  writeFileSync(join(vault.dir, REMOVED_MARKER), `${JSON.stringify(marker)}\n`, { mode: 0o600 });
  return files;
}
