import { afterEach, describe, expect, it } from 'vitest';
import type { OpenVault } from '../vault';
import { startAlertNotifier } from './notify';
import { at, guardedVault, scriptDay } from './guarded-vault.test-support';

const opened: OpenVault[] = [];
afterEach(() => {
  for (const v of opened.splice(0)) v.close();
});

describe('OS notifications of alerts', () => {
  it('announces a new alert once, in the app language, without logins; data alerts only to who may see them', async () => {
    const { vault, write } = await guardedVault();
    opened.push(vault);
    const shown: [string, string][] = [];
    let ownerSignedIn = false;
    const stop = startAlertNotifier({
      show: (title, body) => shown.push([title, body]),
      locale: () => 'uk',
      canSee: alert => ownerSignedIn || !alert.data,
    });
    try {
      const day = scriptDay(0);
      const base = { userLogin: 'petro.secret', deviceId: 'dev-1', outcome: 'ok' as const };
      write({ ...base, userId: 'u-1', action: 'contacts.export_all' }, at(day, '08:00'));
      write({ ...base, userId: 'u-1', action: 'auth.sign_in' }, at(day, '08:01'));
      write(
        { ...base, userId: 'u-1', action: 'auth.sign_in', deviceId: 'dev-2' },
        at(day, '08:02'),
      );
      write(
        { ...base, userId: 'u-1', action: 'auth.sign_in', deviceId: 'dev-3' },
        at(day, '08:03'),
      );
      await new Promise(resolve => setImmediate(resolve));
      // The export alert was hidden (nobody allowed to see data alerts); the new device shown once.
      expect(shown).toEqual([
        ['Вхід з нового пристрою', 'Користувач увійшов з пристрою, з якого раніше не входив.'],
      ]);
      ownerSignedIn = true;
      write({ ...base, userId: 'u-2', action: 'contacts.export_all' }, at(day, '09:00'));
      await new Promise(resolve => setImmediate(resolve));
      expect(shown.at(-1)?.[0]).toBe('Масовий експорт');
      expect(JSON.stringify(shown)).not.toContain('petro');
    } finally {
      stop();
    }
  });
});
