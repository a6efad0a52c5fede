/**
 * The backup gate in front of schema migrations (first start of a new version) and installs.
 */
import { describe, expect, it } from 'vitest';
import { beforeMigrations } from './backup-gate';

describe('beforeMigrations', () => {
  it('runs no backup when nothing is pending', async () => {
    let calls = 0;
    const result = await beforeMigrations([], async () => (calls++, { ok: true }));
    expect(result).toEqual({ proceed: true, backedUp: false });
    expect(calls).toBe(0);
  });

  it('lets migrations run only after a successful backup', async () => {
    expect(await beforeMigrations(['0005_deals'], async () => ({ ok: true }))).toEqual({
      proceed: true,
      backedUp: true,
    });
  });

  it('stops migrations with the backup’s reason, or a generic one', async () => {
    expect(
      await beforeMigrations(['0005_deals'], async () => ({ ok: false, reason: 'Disk full.' })),
    ).toEqual({ proceed: false, reason: 'Disk full.' });
    expect(await beforeMigrations(['0005_deals'], async () => ({ ok: false }))).toEqual({
      proceed: false,
      reason: 'The automatic backup failed.',
    });
  });

  it('turns a crash of the backup into a refusal naming only the error class', async () => {
    const result = await beforeMigrations(['0005_deals'], async () => {
      throw new TypeError('/home/olena/clients/Іваненко.db is locked');
    });
    expect(result).toEqual({ proceed: false, reason: 'The automatic backup failed (TypeError).' });
  });
});
