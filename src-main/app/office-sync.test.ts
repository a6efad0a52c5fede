/**
 * The office sync loop in the composed app, against a real office server (PGlite, loopback) and a
 * real vault: once enabled it starts when a session is open on a joined vault, its rounds run in
 * the audited calls' queue while calls are made (no call and no round fails, nothing is lost), a
 * local change kicks it, and a lock stops it (a sign-in starts it again). Calls on a vault in no
 * office run no office query; joining starts the loop at once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { contactInputSchema } from '../../src-shared/contacts/schema';
import { createContact } from '../crm/contacts/repository';
import type { RoundOutcome } from '../sync/background';
import { parseJoinRequest, requestToJoin } from '../sync/enrol';
import { newLaptop, startOffice, type Laptop } from '../sync/office.test-support';
import { syncNow } from '../sync/worker';
import { call, ok, setUp, signIn } from './sign-in.test-support';

const folder = mkdtempSync(join(tmpdir(), 'zamok-office-sync-'));
const laptops: Laptop[] = [];
afterAll(() => {
  for (const laptop of laptops.splice(0)) laptop.vault.close();
  rmSync(folder, { recursive: true, force: true });
});

/** Rounds as they happen, and a way to wait for one that matches. */
function rounds() {
  const seen: RoundOutcome[] = [];
  let waiter: { test: (o: RoundOutcome) => boolean; resolve: () => void } | null = null;
  return {
    seen,
    onRound(outcome: RoundOutcome) {
      seen.push(outcome);
      if (waiter?.test(outcome)) waiter.resolve();
    },
    next: (test: (o: RoundOutcome) => boolean) =>
      new Promise<void>(resolve => (waiter = { test, resolve })),
  };
}

/** A name part from a number: letters only (names refuse digits). */
function letters(n: number): string {
  const abc = 'абвгдежзиклмнопрстуфхцчшщ';
  return `${abc.charAt(Math.floor(n / abc.length) % abc.length)}${abc.charAt(n % abc.length)}`;
}

async function addContacts(a: Laptop, prefix: string, n: number): Promise<void> {
  for (let i = 0; i < n; i += 1) {
    const input = contactInputSchema.parse({ surname: `${prefix}${letters(i)}`, givenName: 'Ія' });
    await createContact(a.db, { userId: a.userId }, input);
  }
}

describe('office sync in the app', () => {
  it('runs rounds between audited calls, kicks on a local change and stops on lock', async () => {
    const office = await startOffice({ data: join(folder, 'office') });
    const { app, totp, clock } = await setUp();
    try {
      await ok(signIn(app, { totpCode: totp() }));
      const server = office.url;
      await ok(call(app, 'sync.enrol', { server, code: office.enrolmentCode }));
      const a = await newLaptop('anna');
      laptops.push(a);
      const request = await requestToJoin(a.db, {
        endpoint: { url: server, fingerprint: null },
        userId: a.userId,
        name: 'ANNA',
      });
      expect(parseJoinRequest(request)).not.toBeNull();
      await ok(call(app, 'sync.approve', { request, role: 'manager' }));
      await syncNow(a.db);
      expect(app.officeSync.running).toBe(false); // not enabled: the CLI and tests by default

      const seen = rounds();
      app.officeSync.enable({ waitMs: 2_000, onRound: seen.onRound });
      expect(app.officeSync.running).toBe(true);
      await seen.next(o => o.kind === 'synced');

      // A pushes while the owner makes audited calls: the owner's long poll wakes, rounds run.
      const vault = app.state.openVault();
      if (!vault) throw new Error('no open vault');
      const made: string[] = [];
      const calls = (async () => {
        for (let i = 0; i < 25; i += 1) {
          const contact = { surname: `Власний${letters(i)}`, givenName: 'Олена' };
          const r = await call(app, 'contacts.create', { contact });
          made.push(r.ok ? 'ok' : r.error.code);
        }
      })();
      for (let batch = 0; batch < 5; batch += 1) {
        await addContacts(a, `Аннин${letters(batch)}-`, 5);
        await syncNow(a.db);
      }
      await calls;
      expect(made).toEqual(Array(25).fill('ok'));
      // Every local change went up (kicked after its call) and all of A's arrived.
      const settled = async () => {
        const unsent = await vault.db
          .selectFrom('sync_outbox')
          .select(eb => eb.fn.countAll<number>().as('n'))
          .where('seq', 'is', null)
          .executeTakeFirstOrThrow();
        const fromA = await vault.db
          .selectFrom('contacts')
          .select(eb => eb.fn.countAll<number>().as('n'))
          .where('owner_id', '=', a.userId)
          .executeTakeFirstOrThrow();
        return Number(unsent.n) === 0 && Number(fromA.n) === 25;
      };
      while (!(await settled())) await seen.next(o => o.kind !== 'idle');
      expect(seen.seen.filter(o => o.kind === 'failed')).toEqual([]);
      expect(seen.seen.filter(o => o.kind === 'synced').length).toBeGreaterThan(1);

      // A round that the server wakes while a call holds the transaction waits for its turn.
      const before = seen.seen.length;
      const arrived = seen.next(o => o.kind === 'synced' && o.report.pulled > 0);
      await app.queue.run(async () => {
        vault.sqlite.exec('BEGIN IMMEDIATE');
        try {
          await addContacts(a, 'Ждун', 2);
          await syncNow(a.db); // the owner's long poll answers: its loop asks for a round
          while (app.queue.waiting() === 0 && seen.seen.length === before) {
            await new Promise(resolve => setImmediate(resolve));
          }
          expect(seen.seen.length).toBe(before); // no round inside this transaction
        } finally {
          vault.sqlite.exec('ROLLBACK');
        }
      });
      await arrived;

      // Lock: the loop stops (its pass in flight ends first); a sign-in starts it again.
      await ok(call(app, 'auth.lock', {}));
      expect(app.officeSync.running).toBe(false);
      await app.officeSync.stop();
      const afterLock = seen.seen.length;
      await addContacts(a, 'Після', 1);
      await syncNow(a.db);
      expect(seen.seen.length).toBe(afterLock);
      clock.advance(30); // the next TOTP step
      await ok(signIn(app, { totpCode: totp() }));
      expect(app.officeSync.running).toBe(true);
      await seen.next(o => o.kind === 'synced' && o.report.pulled > 0);
    } finally {
      await app.officeSync.stop();
      await office.close();
    }
  });

  it('runs no office query after calls on a vault in no office; a write once joined kicks', async () => {
    const office = await startOffice({ data: join(folder, 'office-hot-path') });
    const { app, totp } = await setUp();
    try {
      const seen = rounds();
      app.officeSync.enable({ waitMs: 30_000, onRound: seen.onRound });
      await ok(signIn(app, { totpCode: totp() }));
      expect(app.officeSync.running).toBe(false);
      const vault = app.state.openVault();
      if (!vault) throw new Error('no open vault');
      const prepare = vi.spyOn(vault.sqlite, 'prepare');
      const officeStatements = () =>
        prepare.mock.calls.map(([sql]) => sql).filter(sql => /office_|sync_/.test(sql));

      // An audited read-only call (its audit entry is written): no office statement at all.
      await ok(call(app, 'audit.verify', {}));
      expect(prepare).toHaveBeenCalled();
      expect(officeStatements()).toEqual([]);

      // Joining is a sync call: membership is read again and the loop starts.
      await ok(call(app, 'sync.enrol', { server: office.url, code: office.enrolmentCode }));
      expect(app.officeSync.running).toBe(true);
      await seen.next(o => o.kind === 'synced');

      // A write in the office vault looks at the outbox after its call and kicks the loop: the
      // change goes up now, not when the 30 s long poll ends.
      prepare.mockClear();
      const wrote = Date.now();
      const pushed = seen.next(o => o.kind === 'synced' && o.report.pushed > 0);
      await ok(call(app, 'contacts.create', { contact: { surname: 'Гнатюк', givenName: 'Ія' } }));
      expect(officeStatements()).toContain('SELECT 1 FROM sync_outbox WHERE seq IS NULL LIMIT 1');
      await pushed;
      expect(Date.now() - wrote).toBeLessThan(25_000);
      prepare.mockRestore();
    } finally {
      await app.officeSync.stop();
      await office.close();
    }
  });
});
