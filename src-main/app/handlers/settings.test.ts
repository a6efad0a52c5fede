/**
 * Office settings through the composed router on a real vault: who may change them (owner,
 * administrator), what the audit log keeps, what bad input leaves behind (nothing), and the idle
 * auto-lock the main process enforces with the chosen minutes (clock injected, no waiting).
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/ipc/contract';
import { settingsContract } from '../../../src-shared/ipc/settings';
import { contactsContract } from '../../../src-shared/ipc/contacts';
import { DEFAULT_OFFICE_SETTINGS, type OfficeSettings } from '../../../src-shared/settings/office';
import { createUser } from '../../auth/accounts';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createIdleLock, IDLE_GRACE_MS, type IdleLock } from '../idle-lock';
import { closeTestVaults, composeTestApp, keepOpen, value } from './app.test-support';
import { contactsHandlers } from './contacts';
import { settingsHandlers } from './settings';

afterEach(closeTestVaults);

const code = (r: Result<unknown>) => (r.ok ? 'ok' : r.error.code);
const MINUTE = 60_000;

async function office() {
  const t = await keepOpen(createContactsTestVault());
  const { vault, staff } = t;
  let now = Date.parse('2026-12-07T09:00:00Z');
  let idle: IdleLock | undefined;
  let lockedByTimer = 0;
  const app = composeTestApp({
    vault,
    staff,
    contract: { settings: settingsContract, contacts: contactsContract },
    wrappers: state => {
      idle = createIdleLock({ state, clock: () => now, onLocked: () => (lockedByTimer += 1) });
      return [idle.wrapper];
    },
    handlers: ({ openVault }) => ({
      settings: settingsHandlers({
        openVault,
        idle: { deadline: () => (idle ? idle.deadline() : Promise.resolve(null)) },
      }),
      contacts: contactsHandlers({ openVault }),
    }),
  });
  const admin = (
    await createUser(vault.db, { login: 'admin', displayName: 'Адмін', role: 'administrator' })
  ).id;
  function as(who: 'owner' | 'head' | 'borys' | 'admin') {
    if (who === 'admin') {
      app.state.signIn(vault, {
        userId: admin,
        login: 'admin',
        role: 'administrator',
        grants: BUILT_IN_GRANTS.administrator,
        teamId: null,
      });
    } else app.signInStaff(who);
    return app.call;
  }
  const audit = (action: string) =>
    vault.sqlite
      .prepare(
        'SELECT user_id, outcome, entity_type, entity_id, changes FROM audit_log WHERE action = ? ORDER BY seq',
      )
      .all(action) as {
      user_id: string;
      outcome: string;
      entity_type: string | null;
      entity_id: string | null;
      changes: string | null;
    }[];
  const stored = () =>
    vault.sqlite.prepare("SELECT value FROM settings WHERE key = 'office'").pluck().get();
  return {
    ...t,
    app,
    admin,
    as,
    audit,
    stored,
    idle: () => idle as IdleLock,
    advance: (ms: number) => (now += ms),
    lockedByTimer: () => lockedByTimer,
  };
}

describe('office settings: who changes them, the audit trail, bad input', () => {
  it('defaults first; the owner changes them, every signed-in user reads them, the change is audited', async () => {
    const { as, audit, staff } = await office();
    const manager = as('borys');
    expect(value<OfficeSettings>(await manager('settings.office', {}))).toEqual(
      DEFAULT_OFFICE_SETTINGS,
    );
    const owner = as('owner');
    const after = value<OfficeSettings>(
      await owner('settings.updateOffice', {
        officeName: '  ТОВ «Ромашка» ',
        currency: 'EUR',
        weekStart: 'sunday',
        autoLockMinutes: 30,
      }),
    );
    expect(after).toEqual({
      officeName: 'ТОВ «Ромашка»',
      currency: 'EUR',
      weekStart: 'sunday',
      autoLockMinutes: 30,
    });
    expect(value<OfficeSettings>(await as('head')('settings.office', {}))).toEqual(after);
    const entries = audit('settings.update_office');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      user_id: staff.owner,
      outcome: 'ok',
      entity_type: 'settings',
      entity_id: 'office',
    });
    expect(JSON.parse(entries[0]?.changes ?? '')).toEqual({
      officeName: { before: '', after: 'ТОВ «Ромашка»' },
      currency: { before: 'UAH', after: 'EUR' },
      weekStart: { before: 'monday', after: 'sunday' },
      autoLockMinutes: { before: 10, after: 30 },
    });
  });

  it('the administrator may change them; a head and a manager are refused and nothing changes', async () => {
    const { as, audit, stored, admin } = await office();
    value(await as('admin')('settings.updateOffice', { autoLockMinutes: 5 }));
    expect(JSON.parse(String(stored()))).toMatchObject({ autoLockMinutes: 5 });
    for (const who of ['head', 'borys'] as const) {
      const r = await as(who)('settings.updateOffice', { officeName: 'Чужий офіс' });
      expect(code(r)).toBe('forbidden');
    }
    expect(JSON.parse(String(stored()))).toMatchObject({ officeName: '', autoLockMinutes: 5 });
    const entries = audit('settings.update_office');
    expect(entries.map(e => e.outcome)).toEqual(['ok', 'denied', 'denied']);
    expect(entries[0]?.user_id).toBe(admin);
  });

  it('bad values are refused as invalid_input and nothing is stored', async () => {
    const { as, stored } = await office();
    const owner = as('owner');
    for (const bad of [
      { autoLockMinutes: 7 },
      { autoLockMinutes: 0 },
      { currency: 'GBP' },
      { weekStart: 'saturday' },
      { officeName: 'Я'.repeat(81) },
      { officeName: 'Офіс', colour: 'red' },
    ]) {
      expect(code(await owner('settings.updateOffice', bad))).toBe('invalid_input');
    }
    expect(stored()).toBeUndefined();
  });

  it('a damaged stored row falls back to the defaults field by field', async () => {
    const { as, vault } = await office();
    vault.sqlite
      .prepare("INSERT INTO settings (key, value) VALUES ('office', ?)")
      .run(JSON.stringify({ officeName: 'Офіс', currency: 'XXX', autoLockMinutes: 7 }));
    expect(value<OfficeSettings>(await as('borys')('settings.office', {}))).toEqual({
      ...DEFAULT_OFFICE_SETTINGS,
      officeName: 'Офіс',
    });
  });
});

describe('idle auto-lock in the main process', () => {
  it('locks a session after the chosen minutes without a touch; other calls do not count as presence', async () => {
    const { as, app, advance } = await office();
    const owner = as('owner');
    value(await owner('settings.updateOffice', { autoLockMinutes: 5 }));
    // The clock starts at the first call of the session; a touch restarts it.
    advance(4 * MINUTE);
    const touched = value<{ idleLockAt: number }>(await owner('settings.touch', {}));
    advance(4 * MINUTE);
    // Reads keep working but do not restart the clock.
    expect(code(await owner('contacts.list', {}))).toBe('ok');
    advance(MINUTE + IDLE_GRACE_MS - 1_000);
    expect(code(await owner('settings.office', {}))).toBe('ok');
    advance(1_000);
    expect(touched.idleLockAt).toBe(
      Date.parse('2026-12-07T09:04:00Z') + 5 * MINUTE + IDLE_GRACE_MS,
    );
    const refused = await owner('contacts.list', {});
    expect(code(refused)).toBe('unauthenticated');
    expect(app.state.session).toBeNull();
    expect(app.state.openVault()).toBeNull();
    expect(app.state.lockedLogin).toBe('owner');
  });

  it('the timer check locks without any call; a longer setting waits longer', async () => {
    const { as, app, advance, idle, lockedByTimer } = await office();
    const owner = as('owner');
    value(await owner('settings.updateOffice', { autoLockMinutes: 15 }));
    advance(10 * MINUTE);
    expect(await idle().check()).toBe(false);
    expect(app.state.session).not.toBeNull();
    advance(5 * MINUTE + IDLE_GRACE_MS);
    expect(await idle().check()).toBe(true);
    expect(lockedByTimer()).toBe(1);
    expect(app.state.session).toBeNull();
    expect(app.state.vault?.closed ?? true).toBe(true);
    // Nothing left to lock.
    expect(await idle().check()).toBe(false);
  });

  it('another user signing in starts a fresh clock', async () => {
    const { as, app, advance, idle } = await office();
    expect(code(await as('owner')('settings.office', {}))).toBe('ok');
    advance(9 * MINUTE);
    expect(code(await as('head')('settings.office', {}))).toBe('ok');
    advance(9 * MINUTE);
    expect(await idle().check()).toBe(false);
    advance(MINUTE + IDLE_GRACE_MS);
    expect(await idle().check()).toBe(true);
    expect(app.state.session).toBeNull();
  });
});
