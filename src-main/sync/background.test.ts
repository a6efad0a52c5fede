/**
 * The background loop against a real office server on loopback, time injected (no sleeps): failed
 * rounds wait 1, 2, 4, then at most 5 (seconds, as asked of the timers) and a success resets the
 * backoff; a change made on A reaches the owner's laptop through the owner's waiting long poll once
 * A's loop is kicked; the badge follows (offline, N waiting, synced).
 */
import { describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../src-shared/contacts/schema';
import { createContact } from '../crm/contacts/repository';
import { backoffMs, startBackgroundSync, type RoundOutcome, type SyncTimers } from './background';
import { enrolledOwner, joinedLaptop, officeTestBed, startOffice } from './office.test-support';
import { syncStatus } from './status';
import { syncNow } from './worker';

const { engines, opened } = await officeTestBed();

/** Timers the test drives: each sleep is recorded and ends when the test (or a kick) says so. */
function drivenTimers() {
  const asked: number[] = [];
  const waiting: (() => void)[] = [];
  let notify: (() => void) | null = null;
  const timers: SyncTimers = {
    sleep: (ms, signal) =>
      new Promise(resolve => {
        asked.push(ms);
        waiting.push(resolve);
        signal.addEventListener('abort', () => resolve(), { once: true });
        notify?.();
      }),
  };
  return {
    timers,
    asked,
    /** Resolves once `n` sleeps have been asked for. */
    sleeps: (n: number) =>
      new Promise<void>(resolve => {
        const check = () => (asked.length >= n ? resolve() : undefined);
        notify = check;
        check();
      }),
    /** Ends every sleep in progress. */
    tick: () => waiting.splice(0).forEach(end => end()),
  };
}

/** Rounds as they happen, and a way to wait for one that matches. */
function rounds() {
  const seen: RoundOutcome[] = [];
  const waiters: { test: (o: RoundOutcome) => boolean; resolve: () => void }[] = [];
  return {
    seen,
    onRound: (outcome: RoundOutcome) => {
      seen.push(outcome);
      for (const w of [...waiters]) {
        if (w.test(outcome)) {
          waiters.splice(waiters.indexOf(w), 1);
          w.resolve();
        }
      }
    },
    next: (test: (o: RoundOutcome) => boolean) =>
      new Promise<void>(resolve => waiters.push({ test, resolve })),
  };
}

describe('backoff', () => {
  it('doubles from the first wait up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6].map(n => backoffMs(n, 1000, 5000))).toEqual([
      1000, 2000, 4000, 5000, 5000, 5000,
    ]);
  });
});

describe.each(engines.map(e => [e.name, e] as const))('background sync on %s', (_name, engine) => {
  it('backs off while the server is away and pushes, pulls and wakes on a change once back', async () => {
    const { storage } = engine.create();
    let office = await startOffice(storage);
    const port = Number(new URL(office.url).port);
    const owner = await enrolledOwner(office);
    const a = await joinedLaptop(office, owner, 'anna', 'manager', 'north');
    opened.push(owner, a);
    await syncNow(a.db);
    await syncNow(owner.db);
    await office.close();

    const driven = drivenTimers();
    const aRounds = rounds();
    const loopA = startBackgroundSync({
      source: () => a.vault,
      timers: driven.timers,
      firstBackoffMs: 1000,
      maxBackoffMs: 5000,
      waitMs: 20_000,
      onRound: aRounds.onRound,
    });
    let loopOwner: ReturnType<typeof startBackgroundSync> | null = null;
    try {
      for (let n = 1; n <= 4; n += 1) {
        await driven.sleeps(n);
        if (n < 4) driven.tick();
      }
      expect(driven.asked).toEqual([1000, 2000, 4000, 5000]);
      expect((await syncStatus(a.db)).state).toBe('offline');
      const input = contactInputSchema.parse({ surname: 'Фоновенко', givenName: 'Ія' });
      const { id } = (await createContact(a.db, { userId: a.userId }, input)).after;
      expect(await syncStatus(a.db)).toMatchObject({ state: 'offline', waiting: 1 });

      office = await startOffice(storage, port);
      const ownerRounds = rounds();
      loopOwner = startBackgroundSync({
        source: () => owner.vault,
        timers: driven.timers,
        waitMs: 20_000,
        onRound: ownerRounds.onRound,
      });
      await ownerRounds.next(o => o.kind === 'synced');
      const arrived = ownerRounds.next(o => o.kind === 'synced' && o.report.pulled > 0);
      const pushed = aRounds.next(o => o.kind === 'synced' && o.report.pushed > 0);
      driven.tick(); // A's backoff ends: A's next round pushes.
      await pushed;
      expect(await syncStatus(a.db)).toMatchObject({ state: 'synced', waiting: 0 });
      // The owner's loop was waiting in a long poll; the server woke it.
      await arrived;
      const row = await owner.db
        .selectFrom('contacts')
        .select('surname')
        .where('id', '=', id)
        .executeTakeFirst();
      expect(row?.surname).toBe('Фоновенко');
      expect(driven.asked.length).toBe(4); // no timer after a success: the long poll is the wait
    } finally {
      await loopA.stop();
      await loopOwner?.stop();
      await office.close();
    }
  });
});
