/**
 * Kill -9 of a laptop mid-push loses no change: the real `zamok sync now` runs as a child process
 * against a real office server, is killed with SIGKILL once the server has stored part of the
 * outbox, and a second run pushes the rest. Every change reaches the server exactly once (idempotent
 * change ids: what was stored but not yet marked in the vault is answered as a replay) and the
 * owner's laptop ends up with every client.
 */
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { generateTotp } from '../auth/totp';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { CLI_OWNER, REPO, createOwnerVault, zamokInProcess } from '../cli/cli.test-support';
import { approveJoin, parseJoinRequest } from './enrol';
import { enrolledOwner, startOffice } from './office.test-support';
import { syncNow } from './worker';

const folder = makeTempDir('zamok-sync-crash-office-');
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const CLIENTS = 1_200;

it('loses no change when the laptop is killed with SIGKILL mid-push', async () => {
  const office = await startOffice({ data: join(folder, 'data') });
  const owner = await enrolledOwner(office);
  try {
    const vault = join(makeTempDir('zamok-sync-crash-'), 'vault');
    const anna = await createOwnerVault(vault);
    const { request } = await anna.call<{ request: string }>('sync.join', { server: office.url });
    const parsed = parseJoinRequest(request);
    if (!parsed) throw new Error('join request did not parse');
    await approveJoin(owner.db, { request: parsed, role: 'manager', teamId: 'north' });
    await anna.call('sync.now', {});
    for (let i = 0; i < CLIENTS; i += 1) {
      await anna.call('contacts.create', { contact: { surname: 'Клієнт', givenName: 'Анна' } });
    }
    anna.app.dispose();

    // Record changes only: Anna's audit entries go to her audit partition (made at approval) too.
    const stored = async () =>
      Number(
        (
          await office.db.query<{ n: string }>(
            "SELECT count(*) AS n FROM changes WHERE partition_id NOT LIKE 'audit-%'",
          )
        )[0]?.n ?? 0,
      );
    const before = await stored();
    const child = spawn(
      process.execPath,
      [
        join(REPO, 'bin', 'zamok.mjs'),
        '--vault',
        vault,
        'sync',
        'now',
        '--login',
        CLI_OWNER.login,
        '--totp',
        generateTotp(anna.secret, Date.now() + 30_000),
      ],
      {
        cwd: REPO,
        env: { ...process.env, LANG: 'C', ZAMOK_PASSWORD: CLI_OWNER.password },
        stdio: 'ignore',
      },
    );
    const exited = new Promise<number | null>(resolve => child.on('exit', code => resolve(code)));
    let killedAt = -1;
    // Polls the server (no fixed sleep): kill once part of the outbox is stored, before all of it.
    for (;;) {
      const n = (await stored()) - before;
      if (n > 0 && n < CLIENTS) {
        child.kill('SIGKILL');
        killedAt = n;
        break;
      }
      if (child.exitCode !== null || n >= CLIENTS) break;
      await new Promise(resolve => setImmediate(resolve));
    }
    await exited;
    expect(killedAt).toBeGreaterThan(0);
    expect(killedAt).toBeLessThan(CLIENTS);

    const clock = () => Date.now() + 60_000;
    const again = await zamokInProcess(
      [
        '--vault',
        vault,
        'sync',
        'now',
        '--login',
        CLI_OWNER.login,
        '--totp',
        generateTotp(anna.secret, clock()),
      ],
      { clock, env: { ZAMOK_PASSWORD: CLI_OWNER.password } },
    );
    expect(again.stderr).toBe('');
    expect(again.status).toBe(0);
    expect((await stored()) - before).toBe(CLIENTS);
    const distinct = await office.db.query<{ n: string }>(
      "SELECT count(DISTINCT change_id) AS n FROM changes WHERE partition_id NOT LIKE 'audit-%'",
    );
    expect(Number(distinct[0]?.n)).toBe(before + CLIENTS);

    await syncNow(owner.db);
    const received = await owner.db
      .selectFrom('contacts')
      .select(eb => eb.fn.countAll<number>().as('n'))
      .where('given_name', '=', 'Анна')
      .executeTakeFirstOrThrow();
    expect(Number(received.n)).toBe(CLIENTS);
  } finally {
    owner.vault.close();
    await office.close();
  }
}, 300_000);
