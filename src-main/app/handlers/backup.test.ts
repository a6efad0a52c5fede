/**
 * The backup channels through the composed app router on real vaults: the owner configures a
 * destination, runs a backup (verified, audited, listed, shown as "last verified"); a manager is
 * refused; restore replaces the vault (safety copy kept), signs out, and after signing in again the
 * restore is in the audit log and the chain verifies; "Restore from a backup" on the first-run screen
 * works only while no vault exists.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/ipc/contract';
import {
  DEFAULT_BACKUP_SETTINGS,
  type BackupRestoreResult,
  type BackupRunResult,
  type BackupStatus,
} from '../../../src-shared/ipc/backup';
import type { AppStatus } from '../../../src-shared/ipc/auth';
import { listAudit, verifyAuditChain } from '../../audit';
import { createUser } from '../../auth/accounts';
import {
  FIXTURE_OWNER,
  makeFixtureVault,
  ok,
  openTestApp,
} from '../../backup/backup-vault.test-support';
import type { OpenVault } from '../../vault';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { tables } from '../auth-service';
import type { ZamokApp } from '../compose';

const apps: ZamokApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

async function call(app: ZamokApp, channel: string, input: unknown): Promise<Result<unknown>> {
  return app.router.call(`zamok:${channel}`, input, { host: 'preview' });
}

async function configured() {
  const f = await makeFixtureVault();
  apps.push(f.app);
  const dest = makeTempDir('zamok-channel-dest-');
  await ok(f.app, 'backup.updateSettings', {
    settings: { ...DEFAULT_BACKUP_SETTINGS, destinations: [{ id: 'disk', path: dest }] },
  });
  return { ...f, dest };
}

describe('backup channels', () => {
  it('owner: settings, run now (verified and audited), status, list', async () => {
    const f = await configured();
    const [run] = await ok<BackupRunResult[]>(f.app, 'backup.runNow', {});
    expect(run).toMatchObject({ destinationId: 'disk', verified: true, error: null });
    expect(readdirSync(f.dest).filter(n => n.endsWith('.zamokbackup'))).toHaveLength(1);
    const status = await ok<BackupStatus>(f.app, 'backup.status', {});
    expect(status.lastVerified?.file).toBe(run?.file);
    const list = await ok<{ file: string }[]>(f.app, 'backup.list', { destinationId: 'disk' });
    expect(list.map(b => b.file)).toEqual([run?.file]);
    const vault = f.app.state.openVault() as OpenVault;
    const actions = (await listAudit(tables(vault), { limit: 100 })).entries.map(e => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(['backup.run', 'backup.verify', 'backup.update_settings']),
    );
    const verify = await ok<{ databaseChecked: boolean }>(f.app, 'backup.verify', {
      file: run?.file,
    });
    expect(verify.databaseChecked).toBe(true);
  });

  it('runs made while locked are audited at the next sign-in, at their own times', async () => {
    const f = await configured();
    await ok(f.app, 'auth.signOut', {});
    f.app.state.flushPendingClose();
    f.clock.advance(3600);
    const lockedAt = new Date(f.clock.now()).toISOString();
    const [run] = await f.app.backup.runNow('disk', 'scheduler');
    expect(run).toMatchObject({ destinationId: 'disk', error: null });
    expect(run?.file).toBeTruthy();
    f.clock.advance(600);
    await ok(f.app, 'auth.signIn', {
      login: FIXTURE_OWNER.login,
      password: FIXTURE_OWNER.password,
      totpCode: f.totp(),
    });
    const vault = f.app.state.openVault() as OpenVault;
    const entries = (await listAudit(tables(vault), { limit: 100 })).entries;
    const locked = entries.filter(e => e.action === 'backup.run' && e.userLogin === 'scheduler');
    expect(locked).toHaveLength(1);
    expect(locked[0]?.at).toBe(lockedAt);
    expect(locked[0]?.outcome).toBe('ok');
    expect(verifyAuditChain(vault).ok).toBe(true);
    // The queue is empty: signing in again adds nothing.
    await ok(f.app, 'auth.signOut', {});
    f.clock.advance(60);
    await ok(f.app, 'auth.signIn', {
      login: FIXTURE_OWNER.login,
      password: FIXTURE_OWNER.password,
      totpCode: f.totp(),
    });
    const again = (await listAudit(tables(f.app.state.openVault() as OpenVault), { limit: 100 }))
      .entries;
    expect(
      again.filter(e => e.action === 'backup.run' && e.userLogin === 'scheduler'),
    ).toHaveLength(1);
  });

  it('a locked run needs a sign-in since start to sign the backup; after one it runs locked', async () => {
    const f = await configured();
    await ok(f.app, 'auth.signOut', {});
    f.app.dispose();
    // A fresh start (the laptop rebooted): nobody has signed in, the vault key is nowhere.
    const fresh = openTestApp(f.dir, f.clock.now);
    apps.push(fresh);
    const [refused] = await fresh.backup.runNow('disk', 'scheduler');
    expect(refused).toMatchObject({ file: null, reason: 'needs_key' });
    expect(readdirSync(f.dest)).toEqual([]);
    await ok(fresh, 'auth.signIn', {
      login: FIXTURE_OWNER.login,
      password: FIXTURE_OWNER.password,
      totpCode: f.totp(),
    });
    await ok(fresh, 'auth.lock', {});
    fresh.state.flushPendingClose();
    const [run] = await fresh.backup.runNow('disk', 'scheduler');
    expect(run).toMatchObject({ destinationId: 'disk', error: null });
    expect(readdirSync(f.dest).filter(n => n.endsWith('.zamokbackup'))).toHaveLength(1);
  });

  it('a manager is refused every backup channel', async () => {
    const f = await configured();
    const vault = f.app.state.openVault() as OpenVault;
    const session = f.app.state.session;
    if (!session) throw new Error('no session');
    // Demote the signed-in account: the session guard re-reads it and applies the manager's grants.
    await tables(vault)
      .updateTable('users')
      .set({ role: 'manager' })
      .where('id', '=', session.userId)
      .execute();
    for (const [channel, input] of [
      ['backup.status', {}],
      ['backup.runNow', {}],
      ['backup.restore', { file: '/x.zamokbackup', passphrase: 'x' }],
    ] as const) {
      const r = await call(f.app, channel, input);
      expect(r.ok).toBe(false);
    }
  });

  it('restore replaces the vault, keeps a safety copy, signs out; sign-in shows the restore', async () => {
    const f = await configured();
    const [run] = await ok<BackupRunResult[]>(f.app, 'backup.runNow', {});
    const vault = f.app.state.openVault() as OpenVault;
    await createUser(tables(vault), {
      login: 'later',
      displayName: 'Added later',
      role: 'manager',
    });
    const restored = await ok<BackupRestoreResult>(f.app, 'backup.restore', {
      file: run?.file,
      recoveryKey: f.recoveryKey,
    });
    expect(restored.safetyCopy).toMatch(/before-restore-/);
    expect(existsSync(join(restored.safetyCopy ?? '', 'zamok.db'))).toBe(true);
    const status = await ok<AppStatus>(f.app, 'auth.status', {});
    expect(status.state).toBe('locked');
    f.clock.advance(30);
    await ok(f.app, 'auth.signIn', {
      login: FIXTURE_OWNER.login,
      password: FIXTURE_OWNER.password,
      totpCode: f.totp(),
    });
    const back = f.app.state.openVault() as OpenVault;
    const logins = (await tables(back).selectFrom('users').select('login').execute()).map(
      u => u.login,
    );
    expect(logins).not.toContain('later'); // added after the backup
    expect(verifyAuditChain(back).ok).toBe(true);
    const actions = (await listAudit(tables(back), { limit: 100 })).entries.map(e => e.action);
    expect(actions).toContain('backup.restore');
  });

  it('a wrong recovery key on restore changes nothing and keeps the session', async () => {
    const f = await configured();
    const [run] = await ok<BackupRunResult[]>(f.app, 'backup.runNow', {});
    const r = await call(f.app, 'backup.restore', {
      file: run?.file,
      recoveryKey: 'AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA',
    });
    expect(r.ok).toBe(false);
    expect(f.app.state.openVault()).not.toBeNull();
    expect(readdirSync(join(f.dir, '..')).some(n => n.includes('before-restore'))).toBe(false);
  });

  it('first-run restore on a new computer; refused once a vault exists', async () => {
    const f = await configured();
    const [run] = await ok<BackupRunResult[]>(f.app, 'backup.runNow', {});
    const newDir = join(makeTempDir('zamok-new-pc-'), 'vault');
    const fresh = openTestApp(newDir, f.clock.now);
    apps.push(fresh);
    expect((await ok<AppStatus>(fresh, 'auth.status', {})).state).toBe('no_vault');
    await ok(fresh, 'backup.restoreFirstRun', { file: run?.file, recoveryKey: f.recoveryKey });
    expect((await ok<AppStatus>(fresh, 'auth.status', {})).state).toBe('locked');
    f.clock.advance(30);
    await ok(fresh, 'auth.signIn', {
      login: FIXTURE_OWNER.login,
      password: FIXTURE_OWNER.password,
      totpCode: f.totp(),
    });
    const again = await call(fresh, 'backup.restoreFirstRun', {
      file: run?.file,
      recoveryKey: f.recoveryKey,
    });
    expect(again).toMatchObject({ ok: false, error: { code: 'vault_exists' } });
  });
});
