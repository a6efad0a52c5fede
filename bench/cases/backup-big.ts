/**
 * The 1 GB memory check of issue 19 point 1 (`npm run bench -- --big`, or `--only backup-big`): a
 * generated vault of about 1000 MB (`--big-mb`), backed up twice by the CLI path in a child
 * process (bench/backup-child.ts) with one `tar | age` of the same files for context. Judged: the
 * children's peak RSS ≤ 150 MiB. Not in the default run: generating the vault takes minutes here.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { VAULT_FILES } from '../../src-main/vault/keyring';
import { createBackupVault } from '../backup-vault';
import type { BenchContext } from '../context';
import type { BenchCase } from '../runner';
import { summarize } from '../stats';
import { bundleChild, emptyFolder, run, type ChildResult } from './backup';

/** The big case. */
export const backupBigCase: BenchCase<BenchContext> = {
  id: 'backup-big',
  title: 'backup of a 1 GB vault: peak memory (CLI path, child process)',
  goals: [{ kind: 'metric', metric: 'bigPeakRssMiB', max: 150, unit: 'MiB' }],
  ownLoop: true,
  async run(ctx) {
    const megabytes = ctx.options.bigBackupMegabytes;
    const root = mkdtempSync(join(ctx.options.root ?? tmpdir(), 'zamok-bench-backup-big-'));
    const child = bundleChild('backup-child');
    try {
      ctx.log(`backup-big: generating a ${megabytes} MB vault…`);
      const vault = await createBackupVault(root, megabytes);
      const out = join(root, 'out');
      const runs: ChildResult[] = [];
      for (let i = 0; i < 2; i++) {
        emptyFolder(out);
        const r = await run('node', [child, vault.dir, out, vault.recipient], vault.recoveryKey);
        runs.push(JSON.parse(r.stdout) as ChildResult);
      }
      emptyFolder(out);
      const members = [VAULT_FILES.database, VAULT_FILES.keyring, VAULT_FILES.attachments];
      const script = 'tar -cf - -C "$1" "$2" "$3" "$4" | /usr/bin/age -r "$5" > "$6"';
      const tar = await run('sh', [
        '-c',
        script,
        'sh',
        vault.dir,
        ...members,
        vault.recipient,
        join(out, 'vault.tar.age'),
      ]);
      const peak = Math.max(...runs.map(r => r.maxRssMiB));
      return {
        series: [
          {
            label: 'createBackup of the big vault (in the child)',
            role: 'context',
            stats: summarize(runs.map(r => r.ms)),
          },
          {
            label: 'tar -cf - … | age -r … > out',
            role: 'context',
            stats: summarize([tar.wallMs]),
          },
        ],
        metrics: {
          bigPeakRssMiB: Math.round(peak),
          bigRssBeforeMiB: Math.round(runs[0]?.rssBeforeMiB ?? 0),
          bigVaultMiB: Math.round(vault.bytes / 1024 / 1024),
        },
        notes: [`vault ${Math.round(vault.bytes / 1024 / 1024)} MiB on ${root}`],
      };
    } finally {
      rmSync(child, { force: true });
      rmSync(root, { recursive: true, force: true });
    }
  },
};
