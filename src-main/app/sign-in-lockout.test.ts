/**
 * Sign-in backoff and lockout through the composed app: 5 failures back off, then 15 minutes,
 * across restarts and for unknown logins alike; a lockout.json edited or deleted behind the app is
 * refused and audited at the next sign-in. Helpers: ./sign-in.test-support.ts.
 */
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallError } from '../../src-shared/ipc/contract';
import { verifyAuditChain } from '../audit';
import {
  OWNER,
  SIGN_IN_FAILED,
  openApp,
  call,
  ok,
  failure,
  setUp,
  signIn,
  readAudit,
} from './sign-in.test-support';

describe('backoff and lockout', () => {
  it('backs off after 5 failures, locks for 15 minutes, survives a restart and is audited', async () => {
    const { app, clock, dir, totp } = await setUp();
    const wrong = () => signIn(app, { password: 'guessing again', totpCode: totp() });

    for (let i = 1; i <= 4; i++) expect(await failure(wrong())).toEqual(SIGN_IN_FAILED);
    const waits: number[] = [];
    const fifth = await failure(wrong());
    expect(fifth.code).toBe('locked_out');
    waits.push(Number(fifth.details?.retryAfterSeconds));
    expect(waits[0]).toBeGreaterThan(0);

    // While waiting, even the right password and code are refused without being tried.
    const meanwhile = await failure(signIn(app, { totpCode: totp() }));
    expect(meanwhile.code).toBe('locked_out');
    expect(Number(meanwhile.details?.retryAfterSeconds)).toBeLessThanOrEqual(waits[0] ?? 0);

    // Each further failure after the wait makes the next wait longer, up to 15 minutes.
    for (let failures = 6; failures <= 9; failures++) {
      clock.advance((waits.at(-1) ?? 0) + 1);
      const error = await failure(wrong());
      expect(error.code).toBe('locked_out');
      waits.push(Number(error.details?.retryAfterSeconds));
    }
    expect(waits).toEqual([30, 60, 120, 900, 900]);

    // A new app instance on the same folder (a restart) still refuses the right credentials.
    app.dispose();
    const restarted = openApp(dir, clock.now);
    clock.advance(60);
    const afterRestart = await failure(signIn(restarted, { totpCode: totp() }));
    expect(afterRestart.code).toBe('locked_out');
    expect(Number(afterRestart.details?.retryAfterSeconds)).toBe(900 - 60);

    // After the wait the owner signs in, and the failures reach the audit log with their count.
    clock.advance(900);
    await ok(signIn(restarted, { totpCode: totp() }));
    await ok(call(restarted, 'auth.signOut', {}));
    const { vault, entries } = await readAudit(dir);
    const failed = entries.filter(e => e.action === 'auth.sign_in' && e.outcome === 'failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]?.details).toMatchObject({ count: 9 });
    expect(typeof failed[0]?.details?.firstAt).toBe('string');
    // The failures are recorded under an opaque id, not the login that was tried.
    expect(JSON.stringify(failed[0])).not.toContain(OWNER.login);
    const succeeded = entries.filter(e => e.action === 'auth.sign_in' && e.outcome === 'ok');
    expect(succeeded.at(0)?.userLogin).toBe(OWNER.login);
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true, count: entries.length });
  });

  it('locks an unknown login out the same way, so lockout does not reveal who exists', async () => {
    const { app, totp } = await setUp();
    const answers: CallError[] = [];
    for (let i = 1; i <= 5; i++) {
      answers.push(await failure(signIn(app, { login: 'nobody', totpCode: totp() })));
    }
    expect(answers.slice(0, 4)).toEqual(Array(4).fill(SIGN_IN_FAILED));
    expect(answers[4]).toMatchObject({ code: 'locked_out', details: { retryAfterSeconds: 30 } });
    // Another login is not affected.
    await ok(signIn(app, { totpCode: totp() }));
  });
});

describe('a lockout file changed behind the app', () => {
  it('an edited counter locks every login for 15 minutes and is audited at the next sign-in', async () => {
    const { app, clock, dir, totp } = await setUp();
    for (let i = 0; i < 3; i++) await failure(signIn(app, { password: 'guess', totpCode: totp() }));
    // An attacker resets the counters by hand; the MAC no longer matches.
    const file = join(dir, 'lockout.json');
    const body = JSON.parse(readFileSync(file, 'utf8')) as { state: { logins: object } };
    body.state.logins = {};
    writeFileSync(file, JSON.stringify(body));

    for (const login of [OWNER.login, 'mykola']) {
      const refused = await failure(signIn(app, { login, totpCode: totp() }));
      expect(refused).toMatchObject({ code: 'locked_out', details: { retryAfterSeconds: 900 } });
    }
    clock.advance(15 * 60 + 1);
    await ok(signIn(app, { totpCode: totp() }));
    await ok(call(app, 'auth.signOut', {}));
    const { vault, entries } = await readAudit(dir);
    expect(entries.filter(e => e.action === 'auth.lockout_file_tampered')).toHaveLength(1);
    expect(verifyAuditChain(vault)).toMatchObject({ ok: true });
  });

  it('a deleted lockout file (failures hidden) is audited as a rollback at the next sign-in', async () => {
    const { app, clock, dir, totp } = await setUp();
    // A first sign-in stores the file's sequence number inside the encrypted database.
    await ok(signIn(app, { totpCode: totp() }));
    await ok(call(app, 'auth.signOut', {}));
    clock.advance(30);
    for (let i = 0; i < 4; i++) await failure(signIn(app, { password: 'guess', totpCode: totp() }));
    // The attacker deletes the file to hide the four failures from the audit log.
    rmSync(join(dir, 'lockout.json'));
    await ok(signIn(app, { totpCode: totp() }));
    await ok(call(app, 'auth.signOut', {}));
    const { entries } = await readAudit(dir);
    expect(entries.filter(e => e.action === 'auth.lockout_file_rolled_back')).toHaveLength(1);
    expect(entries.filter(e => e.action === 'auth.sign_in' && e.outcome === 'failed')).toEqual([]);
  });
});
