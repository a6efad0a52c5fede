/**
 * Issue 17 point 4, the erasure log: backup → erase → restore that backup → sign in → the person
 * is gone again, the replay is in the audit log, and the chain still verifies. The log beside the
 * vault folder is what survives the restore (the vault folder itself is replaced).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { DEFAULT_BACKUP_SETTINGS, type BackupRunResult } from '../../../src-shared/ipc/backup';
import type { ErasureResult } from '../../../src-shared/ipc/erasure';
import { listAudit, verifyAuditChain } from '../../audit';
import type { ZamokApp } from '../../app/compose';
import { FIXTURE_OWNER, makeFixtureVault, ok } from '../../backup/backup-vault.test-support';
import type { OpenVault } from '../../vault';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import type { CompanyErasureResult } from '../../../src-shared/ipc/erasure';
import { CANARY, plantCanary, plantCompanyCanary } from './erasure.test-support';
import { erasureLogPath } from './log-file';

const apps: ZamokApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

async function erasedThenRestored() {
  const f = await makeFixtureVault();
  apps.push(f.app);
  const dest = makeTempDir('zamok-erasure-dest-');
  await ok(f.app, 'backup.updateSettings', {
    settings: { ...DEFAULT_BACKUP_SETTINGS, destinations: [{ id: 'disk', path: dest }] },
  });
  const planted = await plantCanary(f.app);
  const [run] = await ok<BackupRunResult[]>(f.app, 'backup.runNow', {});
  const erased = await ok<ErasureResult>(f.app, 'erasure.erase', { contactId: planted.contact.id });
  const vaultDir = f.app.state.vaultDir;
  await ok(f.app, 'backup.restore', { file: run?.file, recoveryKey: f.recoveryKey });
  return { f, planted, erased, vaultDir };
}

async function signIn(f: Awaited<ReturnType<typeof makeFixtureVault>>) {
  f.clock.advance(30);
  await ok(f.app, 'auth.signIn', {
    login: FIXTURE_OWNER.login,
    password: FIXTURE_OWNER.password,
    totpCode: f.totp(),
  });
  return f.app.state.openVault() as OpenVault;
}

function contactCount(vault: OpenVault, id: string): number {
  const row = vault.sqlite.prepare('SELECT count(*) AS n FROM contacts WHERE id = ?').get(id);
  return (row as { n: number }).n;
}

describe('the erasure log', () => {
  it('replays an erasure at the first sign-in after restoring an older backup, audited', async () => {
    const { f, planted, erased } = await erasedThenRestored();
    const back = await signIn(f);
    expect(contactCount(back, planted.contact.id)).toBe(0);
    const match = back.sqlite
      .prepare('SELECT count(*) AS n FROM search_text_contacts WHERE search_text_contacts MATCH ?')
      .get(`"${CANARY}"`) as { n: number };
    expect(match.n).toBe(0);
    const entries = (await listAudit(back.db, { limit: 500 })).entries;
    const replay = entries.find(e => e.action === 'privacy.erase_replayed');
    expect(replay).toMatchObject({
      entityType: 'contact',
      entityId: planted.contact.id,
      details: { erasureId: erased.erasureId, found: true, documents: 1, activities: 1 },
    });
    expect(JSON.stringify(entries)).not.toContain(CANARY);
    expect(verifyAuditChain(back)).toMatchObject({ ok: true });
    // A second sign-in has nothing left to replay.
    await ok(f.app, 'auth.signOut', {});
    const again = await signIn(f);
    const replays = (await listAudit(again.db, { action: 'privacy.erase_replayed', limit: 10 }))
      .entries;
    expect(replays).toHaveLength(1);
  });

  it('replays a company (sole proprietor) erasure after a restore too', async () => {
    const f = await makeFixtureVault();
    apps.push(f.app);
    const dest = makeTempDir('zamok-erasure-dest-');
    await ok(f.app, 'backup.updateSettings', {
      settings: { ...DEFAULT_BACKUP_SETTINGS, destinations: [{ id: 'disk', path: dest }] },
    });
    const planted = await plantCompanyCanary(f.app);
    const [run] = await ok<BackupRunResult[]>(f.app, 'backup.runNow', {});
    const erased = await ok<CompanyErasureResult>(f.app, 'erasure.eraseCompany', {
      companyId: planted.companyId,
    });
    await ok(f.app, 'backup.restore', { file: run?.file, recoveryKey: f.recoveryKey });
    const back = await signIn(f);
    const left = back.sqlite.prepare('SELECT count(*) FROM companies WHERE id = ?').pluck();
    expect(left.get(planted.companyId)).toBe(0);
    const match = back.sqlite
      .prepare('SELECT count(*) FROM search_text_companies WHERE search_text_companies MATCH ?')
      .pluck()
      .get(`"${CANARY}"`);
    expect(match).toBe(0);
    const entries = (await listAudit(back.db, { limit: 500 })).entries;
    expect(entries.find(e => e.action === 'privacy.erase_replayed')).toMatchObject({
      entityType: 'company',
      entityId: planted.companyId,
      details: { erasureId: erased.erasureId, found: true, documents: 1, activities: 1 },
    });
    expect(JSON.stringify(entries)).not.toContain(CANARY);
    expect(verifyAuditChain(back)).toMatchObject({ ok: true });
  });

  it('a log edited without the key is not trusted: nothing replayed, the failure audited', async () => {
    const { f, planted, vaultDir } = await erasedThenRestored();
    const path = erasureLogPath(vaultDir);
    const log = JSON.parse(readFileSync(path, 'utf8')) as { entries: { entityId: string }[] };
    log.entries.push({ ...log.entries[0], entityId: 'someone-else' } as never);
    writeFileSync(path, JSON.stringify(log));
    const back = await signIn(f);
    expect(contactCount(back, planted.contact.id)).toBe(1);
    const failed = await listAudit(back.db, { action: 'privacy.erasure_log_invalid', limit: 5 });
    expect(failed.entries).toHaveLength(1);
    expect(readFileSync(path, 'utf8')).toContain('someone-else'); // kept as found
  });
});
