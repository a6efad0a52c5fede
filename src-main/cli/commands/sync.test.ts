/**
 * `zamok office enrol | approve | dismiss`, `zamok sync status | now` and `zamok audit verify --office`
 * through the real commander wiring and router, in-process (a hand-moved clock for the TOTP
 * steps), against a real office server on loopback (PGlite, and PostgreSQL 15 where it can start):
 * two vaults join, A's clients reach the owner, tampering with a stored change on the server
 * is found, and a dismissed laptop's next `sync now` wipes its vault.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateTotp } from '../../auth/totp';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { testEngines } from '../../../src-server/db/cluster.test-support';
import { startOffice } from '../../sync/office.test-support';
import { CLI_OWNER, createOwnerVault, fakeClock, zamokInProcess } from '../cli.test-support';

const engines = await testEngines();
afterAll(() => engines.forEach(engine => engine.stop()));

/** A vault for the CLI (owner olena), with `clients` contacts made before it joins the office. */
async function laptop(name: string, clients: number) {
  const vault = join(makeTempDir(`zamok-sync-cli-${name}-`), 'vault');
  const made = await createOwnerVault(vault);
  for (let i = 0; i < clients; i += 1) {
    await made.call('contacts.create', {
      contact: { surname: `Клієнт${'а'.repeat(i + 1)}`, givenName: name },
    });
  }
  made.app.dispose();
  return { vault, secret: made.secret };
}

describe.each(engines.map(e => [e.name, e] as const))('zamok office sync on %s', (_n, engine) => {
  it('enrols the owner, joins a laptop, syncs its clients, and finds a tampered change', async () => {
    const office = await startOffice(engine.create().storage);
    // Each sign-in below gets a TOTP step of its own (the clock moves 30 s before each).
    const clock = fakeClock(Date.now());
    const run = async (l: { vault: string; secret: string }, args: string[]) => {
      clock.advance(30_000);
      const code = generateTotp(l.secret, clock.now());
      return zamokInProcess(
        ['--vault', l.vault, ...args, '--login', CLI_OWNER.login, '--totp', code],
        { clock: clock.now, env: { ZAMOK_PASSWORD: CLI_OWNER.password } },
      );
    };
    try {
      const owner = await laptop('Власниця', 2);
      const anna = await laptop('Анна', 3);
      const enrol = await run(owner, [
        'office',
        'enrol',
        '--server',
        office.url,
        '--code',
        office.enrolmentCode ?? '',
      ]);
      expect(enrol.stderr).toBe('');
      expect(enrol.stdout).toMatch(
        /^Enrolled as the office's owner device .+; 2 records will upload/,
      );
      const again = await run(owner, [
        'office',
        'enrol',
        '--server',
        office.url,
        '--code',
        'AAAAA',
      ]);
      expect(again.status).not.toBe(0);

      const join = await run(anna, ['--json', 'office', 'enrol', '--server', office.url]);
      expect(join.status).toBe(0);
      const request = (JSON.parse(join.stdout) as { request: string }).request;
      expect((await run(anna, ['sync', 'status'])).stdout).toMatch(/^Sync: pending;/);
      const approve = await run(owner, [
        'office',
        'approve',
        '--request',
        request,
        '--role',
        'manager',
        '--team',
        'north',
      ]);
      expect(approve.stdout).toMatch(/^Approved device .+; granted 1 partition\(s\)\./);

      // Anna's audit partition exists from the approval: her first round sends her audit too.
      expect((await run(anna, ['sync', 'now'])).stdout).toBe(
        'Synced: 4 pushed, 3 pulled, 0 new conflict(s).\n',
      );
      // The owner's round sends its own audit entries since it joined (its audit partition, like
      // Anna's, was made at the approval): one more change up, and back; Anna's audit change down.
      expect((await run(owner, ['sync', 'now'])).stdout).toBe(
        'Synced: 3 pushed, 7 pulled, 0 new conflict(s).\n',
      );
      const status = await run(owner, ['--json', 'sync', 'status']);
      expect(JSON.parse(status.stdout)).toMatchObject({
        state: 'synced',
        waiting: 0,
        conflicts: 0,
      });
      const list = await run(owner, ['--json', 'contacts', 'list']);
      const names = (JSON.parse(list.stdout) as { items: { givenName: string }[] }).items.map(
        c => c.givenName,
      );
      expect(names.filter(n => n === 'Анна')).toHaveLength(3);

      const verified = await run(owner, ['audit', 'verify', '--office']);
      expect(verified.stdout).toBe('Office chain OK: 4 partition(s), 7 changes\n');
      // Someone with the server's database edits one stored change.
      await office.db.exec(
        `UPDATE changes SET sealed = sealed || '\\x00'::bytea WHERE seq = 2 AND partition_id = (SELECT partition_id FROM changes ORDER BY received_at, seq LIMIT 1)`,
      );
      const broken = await run(owner, ['audit', 'verify', '--office']);
      expect(broken.status).toBe(5);
      expect(broken.stderr).toMatch(/Office chain BROKEN in .+ \(head_mismatch\)/);

      // The owner removes Anna from the office; her laptop's next contact wipes its vault.
      const annaUser = (
        JSON.parse(Buffer.from(request, 'base64url').toString('utf8')) as { userId: string }
      ).userId;
      const dismissed = await run(owner, ['office', 'dismiss', '--user', annaUser]);
      expect(dismissed.stdout).toBe(
        'Revoked 1 device(s); rotated 1 partition key(s); 0 not held here.\n',
      );
      const removed = await run(anna, ['sync', 'now']);
      expect(removed.status).not.toBe(0);
      expect(removed.stderr).toMatch(/removed from the office/);
      // No vault file is left (the app's clean-close note, ids and a time, is written after).
      const left = readdirSync(anna.vault);
      expect(left).toContain('office-removed.json');
      expect(left.filter(f => /^zamok\.db|^keyring|^attachments$/.test(f))).toEqual([]);
    } finally {
      await office.close();
    }
  });
});
