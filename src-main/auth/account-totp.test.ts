import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type OpenVault } from '../vault';
import { createTestVault } from '../vault/temp-vault.test-support';
import { isAccountError } from './account-schema';
import {
  acceptTotpStep,
  clearTotp,
  consumeRecoveryCode,
  countUnusedRecoveryCodes,
  getTotpState,
  replaceRecoveryCodes,
  setTotp,
} from './account-totp';
import { createUser, findUserById } from './accounts';
import { readSavedLockoutSeq, saveLockoutSeq } from './lockout-seq';
import { generateRecoveryCodes } from './recovery-codes';
import { generateTotp, newTotpSecret, verifyTotpStep } from './totp';

const opened: OpenVault[] = [];
afterEach(() => {
  for (const vault of opened.splice(0)) vault.close();
});

const T = new Date('2026-01-05T09:00:00.000Z');

async function vaultWithUser() {
  const created = await createTestVault();
  opened.push(created.vault);
  const db = created.vault.db;
  const user = await createUser(db, { login: 'olena', displayName: 'Олена', role: 'manager' }, T);
  return { ...created, db, user };
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('TOTP enrolment in the vault', () => {
  it('stores the secret encrypted with the account and enables 2FA', async () => {
    const { db, user, vault, dir } = await vaultWithUser();
    const secret = newTotpSecret();
    await setTotp(db, user.id, secret, generateRecoveryCodes(), T);
    expect(await getTotpState(db, user.id)).toEqual({ secret, enabled: true, lastStep: null });
    expect((await findUserById(db, user.id))?.totpEnabled).toBe(true);
    // The User object handed around the app never carries the secret.
    expect(JSON.stringify(await findUserById(db, user.id))).not.toContain(secret);
    // Nothing readable on disk: the database file is encrypted.
    vault.sqlite.pragma('wal_checkpoint(TRUNCATE)');
    expect(readFileSync(`${dir}/zamok.db`).includes(Buffer.from(secret))).toBe(false);
  });

  it('stores recovery codes only as hashes', async () => {
    const { db, user, vault } = await vaultWithUser();
    const codes = generateRecoveryCodes();
    await setTotp(db, user.id, newTotpSecret(), codes, T);
    const rows = vault.sqlite.prepare('SELECT code_hash, salt FROM recovery_codes').all() as {
      code_hash: string;
      salt: string;
    }[];
    expect(rows).toHaveLength(10);
    const dump = JSON.stringify(rows).toUpperCase();
    for (const code of codes) expect(dump).not.toContain(code.replaceAll('-', ''));
    expect(await countUnusedRecoveryCodes(db, user.id)).toBe(10);
  });

  it('refuses a malformed secret or codes and changes nothing', async () => {
    const { db, user } = await vaultWithUser();
    const codes = generateRecoveryCodes();
    const [first = ''] = codes;
    const cases: [string, string[]][] = [
      ['not base32!', codes],
      ['ABC', codes],
      [newTotpSecret(), []],
      [newTotpSecret(), [first, first]],
      [newTotpSecret(), ['nonsense']],
    ];
    for (const [secret, list] of cases) {
      const err = await rejection(setTotp(db, user.id, secret, list, T));
      expect(isAccountError(err, 'invalid_input')).toBe(true);
    }
    expect(await getTotpState(db, user.id)).toEqual({
      secret: null,
      enabled: false,
      lastStep: null,
    });
    expect(await countUnusedRecoveryCodes(db, user.id)).toBe(0);
    const missing = await rejection(setTotp(db, 'missing', newTotpSecret(), codes, T));
    expect(isAccountError(missing, 'not_found')).toBe(true);
  });

  it('re-enrolment replaces the secret and invalidates every old recovery code', async () => {
    const { db, user } = await vaultWithUser();
    const oldCodes = generateRecoveryCodes();
    await setTotp(db, user.id, newTotpSecret(), oldCodes, T);
    const secret = newTotpSecret();
    await setTotp(db, user.id, secret, generateRecoveryCodes(), T);
    expect((await getTotpState(db, user.id))?.secret).toBe(secret);
    expect(await consumeRecoveryCode(db, user.id, oldCodes[0] ?? '', T)).toBe(false);
    await replaceRecoveryCodes(db, user.id, generateRecoveryCodes(5), T);
    expect(await countUnusedRecoveryCodes(db, user.id)).toBe(5);
  });

  it('clearTotp turns 2FA off and deletes the codes', async () => {
    const { db, user } = await vaultWithUser();
    const codes = generateRecoveryCodes();
    await setTotp(db, user.id, newTotpSecret(), codes, T);
    await clearTotp(db, user.id);
    expect(await getTotpState(db, user.id)).toEqual({
      secret: null,
      enabled: false,
      lastStep: null,
    });
    expect(await consumeRecoveryCode(db, user.id, codes[0] ?? '', T)).toBe(false);
  });
});

describe('replay protection in the vault', () => {
  it('a TOTP code works once: the stored step blocks its replay', async () => {
    const { db, user } = await vaultWithUser();
    const secret = newTotpSecret();
    await setTotp(db, user.id, secret, generateRecoveryCodes(), T);
    const now = T.getTime();
    const code = generateTotp(secret, now);

    const state = await getTotpState(db, user.id);
    const first = verifyTotpStep(secret, code, state?.lastStep ?? null, now);
    expect(first.valid && (await acceptTotpStep(db, user.id, first.step))).toBe(true);

    const later = await getTotpState(db, user.id);
    expect(verifyTotpStep(secret, code, later?.lastStep ?? null, now + 10_000).valid).toBe(false);
  });

  it('two sign-ins racing with the same step cannot both store it', async () => {
    const { db, user } = await vaultWithUser();
    await setTotp(db, user.id, newTotpSecret(), generateRecoveryCodes(), T);
    const results = await Promise.all([
      acceptTotpStep(db, user.id, 1000),
      acceptTotpStep(db, user.id, 1000),
    ]);
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await acceptTotpStep(db, user.id, 999)).toBe(false);
    expect(await acceptTotpStep(db, user.id, 1001)).toBe(true);
    expect((await getTotpState(db, user.id))?.lastStep).toBe(1001);
  });

  it('stores no step for an account without 2FA, and refuses nonsense steps', async () => {
    const { db, user } = await vaultWithUser();
    expect(await acceptTotpStep(db, user.id, 5)).toBe(false);
    const err = await rejection(acceptTotpStep(db, user.id, -1));
    expect(isAccountError(err, 'invalid_input')).toBe(true);
  });
});

describe('recovery codes in the vault', () => {
  it('each code works exactly once, typed in any reasonable way', async () => {
    const { db, user } = await vaultWithUser();
    const codes = generateRecoveryCodes();
    await setTotp(db, user.id, newTotpSecret(), codes, T);
    const [first = '', second = ''] = codes;
    expect(
      await consumeRecoveryCode(db, user.id, first.toLowerCase().replaceAll('-', ' '), T),
    ).toBe(true);
    expect(await consumeRecoveryCode(db, user.id, first, T)).toBe(false);
    expect(await countUnusedRecoveryCodes(db, user.id)).toBe(9);
    expect(await consumeRecoveryCode(db, user.id, second, T)).toBe(true);
    expect(await countUnusedRecoveryCodes(db, user.id)).toBe(8);
  });

  it("one user's code does not open another account; garbage is simply wrong", async () => {
    const { db, user } = await vaultWithUser();
    const other = await createUser(
      db,
      { login: 'petro', displayName: 'Петро', role: 'manager' },
      T,
    );
    const mine = generateRecoveryCodes();
    await setTotp(db, user.id, newTotpSecret(), mine, T);
    await setTotp(db, other.id, newTotpSecret(), generateRecoveryCodes(), T);
    expect(await consumeRecoveryCode(db, other.id, mine[0] ?? '', T)).toBe(false);
    expect(await consumeRecoveryCode(db, user.id, "' OR 1=1 --", T)).toBe(false);
    expect(await consumeRecoveryCode(db, user.id, '', T)).toBe(false);
    expect(await countUnusedRecoveryCodes(db, user.id)).toBe(10);
  });

  it('records when a code was used', async () => {
    const { db, user, vault } = await vaultWithUser();
    const codes = generateRecoveryCodes();
    await setTotp(db, user.id, newTotpSecret(), codes, T);
    const when = new Date('2026-02-01T12:00:00.000Z');
    await consumeRecoveryCode(db, user.id, codes[3] ?? '', when);
    const used = vault.sqlite
      .prepare('SELECT used_at FROM recovery_codes WHERE used_at IS NOT NULL')
      .all();
    expect(used).toEqual([{ used_at: when.toISOString() }]);
  });
});

describe('lockout seq in the vault', () => {
  it('is null before the first sign-in, then what was saved', async () => {
    const { vault } = await vaultWithUser();
    expect(await readSavedLockoutSeq(vault.db)).toBeNull();
    await saveLockoutSeq(vault.db, 7);
    await saveLockoutSeq(vault.db, 12);
    expect(await readSavedLockoutSeq(vault.db)).toBe(12);
    await expect(saveLockoutSeq(vault.db, -1)).rejects.toThrow(RangeError);
  });

  it('a damaged stored value still flags a rollback instead of hiding it', async () => {
    const { vault } = await vaultWithUser();
    vault.sqlite
      .prepare("INSERT INTO vault_meta (key, value) VALUES ('lockout_seq', 'garbage')")
      .run();
    expect(await readSavedLockoutSeq(vault.db)).toBe(Number.MAX_SAFE_INTEGER);
  });
});
