/**
 * The administrator is "settings without client data", through the real router on real vault
 * files: they cannot make backups readable with a passphrase of their own, switch off export
 * approval or the volume alerts, choose who takes over a dismissed colleague's clients, or change
 * the role of someone whose current role reaches further than theirs (a head). Each refusal writes
 * nothing; the owner still can, and the administrator keeps the settings that hold no client data.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { AlertSettings } from '../../src-shared/ipc/alerts';
import { DEFAULT_BACKUP_SETTINGS, type BackupSettings } from '../../src-shared/ipc/backup';
import type { Contact } from '../../src-shared/contacts';
import type { DismissResult, UserSummary } from '../../src-shared/ipc/users';
import { hasPasswordSlot } from '../vault';
import { makeTempDir } from '../vault/temp-vault.test-support';
import {
  addEnrolledUser,
  failure,
  ok,
  ownerVault,
  testClock,
  type StaffApp,
} from './staff-app.test-support';

const opened: StaffApp[] = [];
afterEach(() => {
  for (const s of opened.splice(0)) s.app.dispose();
});

async function office() {
  const clock = testClock();
  const { dir, staff: owner, owner: me } = await ownerVault(clock);
  opened.push(owner);
  const add = async (login: string, role: string) => {
    const added = await addEnrolledUser(owner, dir, clock, login, role);
    opened.push(added.other);
    return added;
  };
  const admin = await add('ivan', 'administrator');
  const head = await add('halyna', 'head');
  const taras = await add('taras', 'manager');
  const iryna = await add('iryna', 'manager');
  return { dir, owner, me, admin, head, taras, iryna };
}

const roleOf = async (app: StaffApp, id: string) =>
  (await ok<UserSummary[]>(app.call('users.list'))).find(u => u.id === id)?.role;

describe('what an administrator may no longer do', () => {
  it('cannot switch backups to a passphrase; may still set places and the schedule', async () => {
    const { owner, admin } = await office();
    const dest = makeTempDir('zamok-admin-dest-');
    const mine = { ...DEFAULT_BACKUP_SETTINGS, destinations: [{ id: 'usb', path: dest }] };
    await ok(admin.other.call('backup.updateSettings', { settings: mine }));
    const before = await ok<BackupSettings>(owner.call('backup.getSettings'));
    expect(before).toEqual(mine);

    const own = { settings: { ...mine, encryption: 'passphrase' }, passphrase: 'admin only knows' };
    for (const input of [own, { settings: own.settings }, { settings: mine, passphrase: 'x' }]) {
      const refused = await failure(admin.other.call('backup.updateSettings', input));
      expect(refused.code).toBe('forbidden');
    }
    expect(await ok<BackupSettings>(owner.call('backup.getSettings'))).toEqual(before);
    // The owner decides how backups are encrypted (the passphrase itself would go to the keychain).
    await ok(owner.call('backup.updateSettings', { settings: own.settings }));
    expect(await ok<BackupSettings>(owner.call('backup.getSettings'))).toMatchObject({
      encryption: 'passphrase',
    });
  });

  it('cannot switch off export approval or the volume alerts; other thresholds stay theirs', async () => {
    const { owner, admin } = await office();
    await ok(owner.call('alerts.updateSettings', { exportApprovalAbove: 50 }));
    const before = await ok<AlertSettings>(owner.call('alerts.settings'));
    for (const patch of [
      { exportApprovalAbove: null },
      { exportRecords: 10_000 },
      { exportWindowMinutes: 1 },
      { deleteRecords: 10_000 },
      { deleteWindowMinutes: 1 },
    ]) {
      const refused = await failure(admin.other.call('alerts.updateSettings', patch));
      expect(refused.code).toBe('forbidden');
    }
    expect(await ok<AlertSettings>(owner.call('alerts.settings'))).toEqual(before);
    const after = await ok<AlertSettings>(
      admin.other.call('alerts.updateSettings', { failedPerLogin: 3 }),
    );
    expect(after).toMatchObject({ failedPerLogin: 3, exportApprovalAbove: 50 });
  });

  it('cannot change the role of a head (a current role wider than theirs); the owner can', async () => {
    const { owner, admin, head } = await office();
    for (const role of ['administrator', 'auditor']) {
      const refused = await failure(
        admin.other.call('users.changeRole', { userId: head.user.id, role }),
      );
      expect(refused.code).toBe('forbidden');
    }
    expect(await roleOf(owner, head.user.id)).toBe('head');
    await ok(owner.call('users.changeRole', { userId: head.user.id, role: 'manager' }));
    expect(await roleOf(owner, head.user.id)).toBe('manager');
  });

  it('dismisses a manager but cannot choose who gets her clients: they go to the owner', async () => {
    const { dir, owner, me, admin, taras, iryna } = await office();
    const client = await ok<Contact>(
      iryna.other.call('contacts.create', { contact: { surname: 'Коваль', givenName: 'Олена' } }),
    );
    const toTaras = { userId: iryna.user.id, reassignToUserId: taras.user.id };
    const refused = await failure(admin.other.call('users.dismiss', toTaras));
    expect(refused.code).toBe('forbidden');
    expect(hasPasswordSlot(dir, 'iryna')).toBe(true);
    expect(await roleOf(owner, iryna.user.id)).toBe('manager');

    const done = await ok<DismissResult>(
      admin.other.call('users.dismiss', { userId: iryna.user.id }),
    );
    expect(done).toMatchObject({ user: { status: 'dismissed' }, reassignedCount: 1 });
    expect(hasPasswordSlot(dir, 'iryna')).toBe(false);
    const moved = await ok<Contact>(owner.call('contacts.get', { id: client.id }));
    expect(moved.ownerId).toBe(me.id);
    // Taras never got her client.
    expect((await failure(taras.other.call('contacts.get', { id: client.id }))).code).toBe(
      'not_found',
    );
  });
});
