/**
 * Issue 14 point 5: two real processes on one vault. Both may write: each call takes the write
 * lock at its start (BEGIN IMMEDIATE) and waits up to the busy timeout for the other, so neither
 * fails at once with SQLITE_BUSY ("Something went wrong", as before) and every acknowledged write of
 * both is in the vault. A process that holds the vault longer than the timeout gets a typed answer:
 * `vault_in_use`, "the vault is open in another Zamok window or process" (CLI exit 9).
 */
import { rmSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { translate } from '../../src-shared/i18n/messages';
import { generateTotp } from '../auth/totp';
import { CLI_OWNER, zamokInProcess } from '../cli/cli.test-support';
import { makeTempDir } from '../vault/temp-vault.test-support';
import {
  ackedName,
  createWriterVault,
  startLockHolder,
  startWriter,
  unlockOwner,
  type Writer,
} from './vault-writer.test-support';

const roots: string[] = [];
const children: Writer[] = [];
afterAll(async () => {
  for (const c of children) await c.kill();
  for (const r of roots) rmSync(r, { recursive: true, force: true });
});

function vault(): { dir: string; secret: string } {
  const root = makeTempDir('zamok-two-');
  roots.push(root);
  return createWriterVault(root);
}

describe('two processes on one vault', () => {
  it('both write at the same time; every acknowledged write of each is kept', async () => {
    const { dir, secret } = vault();
    const alpha = startWriter(dir, secret, { step: 1, prefix: 'Alpha', end: 'lockstep' });
    children.push(alpha);
    alpha.go();
    await alpha.until(1); // its sign-in used its TOTP step; the second signs in with a later one
    const beta = startWriter(dir, secret, { step: 3, prefix: 'Beta', end: 'lockstep' });
    children.push(beta);
    // Each round asks both for one write at the same moment: one waits for the other's lock.
    for (let round = 1; round <= 40; round++) {
      alpha.go();
      beta.go();
      await Promise.all([alpha.until(round + 1), beta.until(round)]);
    }
    await alpha.kill();
    await beta.kill();
    expect(alpha.stdout() + beta.stdout()).not.toMatch(/refused/);
    const opened = await unlockOwner(dir);
    const names = new Set(
      opened.sqlite.prepare('SELECT surname FROM contacts').pluck().all() as string[],
    );
    opened.close();
    for (let i = 1; i <= alpha.acked(); i++) expect(names.has(ackedName(i, 'Alpha'))).toBe(true);
    for (let i = 1; i <= beta.acked(); i++) expect(names.has(ackedName(i, 'Beta'))).toBe(true);
  }, 180_000);

  it('a process holding the vault: the other is told so (vault_in_use, exit 9)', async () => {
    const { dir, secret } = vault();
    const holder = startLockHolder(dir);
    children.push(holder);
    await holder.until(1);
    const at = Date.now() + 60_000;
    const r = await zamokInProcess(
      [
        '--vault',
        dir,
        'audit',
        'verify',
        '--login',
        CLI_OWNER.login,
        '--totp',
        generateTotp(secret, at),
      ],
      { env: { ZAMOK_PASSWORD: CLI_OWNER.password }, clock: () => at },
    );
    expect(r.status).toBe(9);
    expect(r.stderr).toContain(translate('en', 'errors.vault_in_use'));
    expect(r.stderr).toMatch(/open in another Zamok window or process/);
    await holder.kill();
  }, 60_000);
});
