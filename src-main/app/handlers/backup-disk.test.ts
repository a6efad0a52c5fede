/**
 * "Back up now" in the browser test host with one destination on a full disk (a real tmpfs): the
 * call answers a typed result for that destination (`reason: 'destination_full'`, one sentence)
 * while the other destination is backed up and verified, the host keeps serving (status shows the
 * reason), no stream error escapes (before, an unhandled ENOSPC ended the host process), and a
 * backup error thrown by a channel reaches the caller with `details.reason`. The history marks a
 * file cut short.
 */
import { copyFileSync, mkdirSync, readdirSync, statSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/ipc/contract';
import {
  DEFAULT_BACKUP_SETTINGS,
  type BackupListItem,
  type BackupRunResult,
  type BackupStatus,
} from '../../../src-shared/ipc/backup';
import { makeFixtureVault, ok } from '../../backup/backup-vault.test-support';
import { createBackup } from '../../backup/create';
import { backupFileName } from '../../backup/manifest';
import { readPlainRecipient } from '../../backup/recipient';
import {
  mountSmallDisk,
  reportTmpfsSkip,
  TMPFS,
  type SmallDisk,
} from '../../backup/tmpfs.test-support';
import { CALL_PATH, createPreviewServer, type PreviewServer } from '../../host/server';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import type { ZamokApp } from '../compose';

reportTmpfsSkip('"Back up now" onto a full disk through the preview host');

let app: ZamokApp | null = null;
let server: PreviewServer | null = null;
let disk: SmallDisk | null = null;
const escaped: unknown[] = [];
const onEscape = (err: unknown): void => void escaped.push(err);

beforeAll(() => {
  process.on('uncaughtException', onEscape);
  process.on('unhandledRejection', onEscape);
});

afterAll(async () => {
  process.off('uncaughtException', onEscape);
  process.off('unhandledRejection', onEscape);
  await server?.close();
  app?.dispose();
  disk?.unmount();
});

async function post<T>(channel: string, input: unknown): Promise<Result<T>> {
  if (!server) throw new Error('no host');
  const reply = await fetch(`${server.origin}${CALL_PATH}`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify({ channel: `zamok:${channel}`, input }),
  });
  expect(reply.status).toBe(200);
  return (await reply.json()) as Result<T>;
}

describe('"Back up now" with a destination on a full disk', () => {
  it.skipIf(!TMPFS.available)(
    'answers destination_full for that folder, backs up the other one, and the host keeps serving',
    async () => {
      const f = await makeFixtureVault();
      app = f.app;
      // Size the disk from a real run: room for the snapshot, not for the encrypted file too.
      const probe = await createBackup({
        vaultDir: f.dir,
        vault: f.vault,
        destination: makeTempDir('zamok-size-probe-'),
        encryption: { kind: 'recipient', recipient: readPlainRecipient(f.dir, f.vaultId) ?? '' },
        createdBy: 'test',
      });
      const snapshot = probe.manifest.members.find(m => m.name === 'zamok.db')?.size ?? 0;
      disk = mountSmallDisk(Math.ceil((snapshot + probe.size / 2) / 1024));
      const good = makeTempDir('zamok-good-dest-');
      await ok(f.app, 'backup.updateSettings', {
        settings: {
          ...DEFAULT_BACKUP_SETTINGS,
          destinations: [
            { id: 'usb', path: disk.dir },
            { id: 'nas', path: good },
          ],
        },
      });
      const www = join(makeTempDir('zamok-www-'), 'www');
      mkdirSync(www);
      server = await createPreviewServer({ router: f.app.router, staticDir: www });

      const run = await post<BackupRunResult[]>('backup.runNow', {});
      expect(run.ok).toBe(true);
      const [usb, nas] = run.ok ? run.value : [];
      expect(usb).toMatchObject({ destinationId: 'usb', file: null, reason: 'destination_full' });
      expect(usb?.error).toMatch(/^The backup folder’s disk is full\./);
      expect(nas).toMatchObject({ destinationId: 'nas', verified: true, error: null });
      expect(readdirSync(disk.dir)).toEqual([]);

      const status = await post<BackupStatus>('backup.status', {});
      expect(status.ok && status.value.destinations[0]).toMatchObject({
        id: 'usb',
        lastErrorReason: 'destination_full',
      });

      const missing = await post('backup.runNow', { destinationId: 'gone' });
      expect(missing).toMatchObject({
        ok: false,
        error: { code: 'not_found', details: { reason: 'destination_missing' } },
      });

      await new Promise(resolve => setImmediate(resolve));
      expect(escaped).toEqual([]);
    },
    120_000,
  );
});

describe('the history of a destination', () => {
  it('marks a backup file cut short as truncated, next to the complete one', async () => {
    const f = await makeFixtureVault();
    try {
      const dest = makeTempDir('zamok-history-');
      await ok(f.app, 'backup.updateSettings', {
        settings: { ...DEFAULT_BACKUP_SETTINGS, destinations: [{ id: 'disk', path: dest }] },
      });
      const [run] = await ok<BackupRunResult[]>(f.app, 'backup.runNow', {});
      const cut = join(dest, backupFileName(f.vaultId, new Date('2099-01-01T00:00:00Z')));
      copyFileSync(run?.file ?? '', cut);
      truncateSync(cut, statSync(cut).size - 1000); // a copy to a stick pulled out too early
      const list = await ok<BackupListItem[]>(f.app, 'backup.list', { destinationId: 'disk' });
      expect(list.map(b => [b.file, b.condition])).toEqual([
        [cut, 'truncated'],
        [run?.file, 'complete'],
      ]);
    } finally {
      f.app.dispose();
    }
  }, 60_000);
});
