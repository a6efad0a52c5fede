/** The update/upgrade gate's backup: proceeds only on a verified backup in some destination. */
import { describe, expect, it } from 'vitest';
import type { BackupRunResult } from '../../src-shared/ipc/backup';
import { createAutomaticBackup } from './auto-backup';

function result(over: Partial<BackupRunResult>): BackupRunResult {
  return {
    destinationId: 'd1',
    file: '/b/x.zamokbackup',
    verified: true,
    pruned: 0,
    error: null,
    ...over,
  };
}

describe('automatic backup before an update or migration', () => {
  it('passes when one destination wrote a verified backup', async () => {
    const run = createAutomaticBackup({
      runNow: async () => [result({ error: 'destination_missing', file: null }), result({})],
    });
    expect(await run()).toEqual({ ok: true });
  });

  it('refuses without destinations, without a verified file, or when the run throws', async () => {
    expect((await createAutomaticBackup({ runNow: async () => [] })()).ok).toBe(false);
    const unverified = createAutomaticBackup({ runNow: async () => [result({ verified: false })] });
    expect(await unverified()).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/verified/),
    });
    const broken = createAutomaticBackup({
      runNow: async () => {
        throw new Error('disk full');
      },
    });
    const outcome = await broken();
    expect(outcome.ok).toBe(false);
    expect(JSON.stringify(outcome)).not.toContain('disk full');
  });
});
