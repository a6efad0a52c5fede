/**
 * The attack, done for real: close the vault, open zamok.db with the standard `sqlcipher`
 * CLI and the raw data key, drop the append-only triggers, edit / delete / insert / reorder entries,
 * reopen the vault through Zamok, and check verifyAuditChain names the first broken seq.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  COMMIT_RECORD_FILE,
  createNoKeychainStore,
  unlockWithPassword,
  type OpenVault,
} from '../vault';
import { createTestVault } from '../vault/temp-vault.test-support';
import { appendAudit, hashRow, verifyAuditChain, type AuditLogTable } from './index';

const ENTRIES = 5;
let template: string; // a closed vault folder with ENTRIES entries, copied for each case
let login: string;
let password: string;
let keyHex: string;
const scratch: string[] = [];

beforeAll(async () => {
  const created = await createTestVault();
  ({ ownerLogin: login, ownerPassword: password } = created);
  template = created.dir;
  scratch.push(dirname(template));
  const actions = [
    'auth.sign_in',
    'contacts.create',
    'contacts.update',
    'contacts.export',
    'auth.sign_out',
  ];
  actions.forEach((action, i) =>
    appendAudit(
      created.vault,
      { userId: 'u1', userLogin: 'owner', action, outcome: 'ok', details: { n: i + 1 } },
      new Date(Date.UTC(2026, 10, 29, 8, i)),
    ),
  );
  expect(verifyAuditChain(created.vault)).toMatchObject({ ok: true, count: ENTRIES });
  keyHex = created.vault.dataKey().toString('hex');
  created.vault.close();
});

afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/**
 * Runs SQL on a copy of the template vault through the sqlcipher CLI; returns the copy's folder.
 * `dropRecord` also removes the commit record (zamok.commit), as someone with the key could forge it.
 */
function tamper(sql: string, o: { dropRecord?: boolean } = {}): string {
  const root = mkdtempSync(join(tmpdir(), 'zamok-tamper-'));
  scratch.push(root);
  const dir = join(root, 'vault');
  cpSync(template, dir, { recursive: true });
  const script = `PRAGMA key = "x'${keyHex}'";\n${sql}\n`;
  const result = spawnSync('sqlcipher', ['-bail', join(dir, 'zamok.db')], {
    input: script,
    encoding: 'utf8',
  });
  expect(result.stderr, 'sqlcipher must accept the script').toBe('');
  expect(result.status).toBe(0);
  if (o.dropRecord) rmSync(join(dir, COMMIT_RECORD_FILE));
  return dir;
}

async function reopen(dir: string): Promise<OpenVault> {
  return unlockWithPassword(dir, login, password, { deviceStore: createNoKeychainStore() });
}

async function verifyAfter(
  sql: string,
  o: { dropRecord?: boolean } = {},
): Promise<ReturnType<typeof verifyAuditChain>> {
  const vault = await reopen(tamper(sql, o));
  try {
    return verifyAuditChain(vault);
  } finally {
    vault.close();
  }
}

const DROP_TRIGGERS = 'DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;';

function sqlValue(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return 'NULL';
  if (typeof value === 'number') return String(value);
  return `'${value.replace(/'/g, "''")}'`;
}

function insertSql(row: AuditLogTable): string {
  const columns = Object.keys(row) as (keyof AuditLogTable)[];
  return `INSERT INTO audit_log (${columns.join(', ')}) VALUES (${columns
    .map(c => sqlValue(row[c]))
    .join(', ')});`;
}

function at(rows: AuditLogTable[], index: number): AuditLogTable {
  const row = rows[index];
  if (!row) throw new Error(`no row ${index}`);
  return row;
}

async function readRows(): Promise<AuditLogTable[]> {
  const vault = await reopen(template);
  try {
    return vault.sqlite.prepare('SELECT * FROM audit_log ORDER BY seq').all() as AuditLogTable[];
  } finally {
    vault.close();
  }
}

describe('tampering through the sqlcipher CLI with the raw key', () => {
  it('an untouched copy opened and closed by sqlcipher still verifies OK', async () => {
    expect(await verifyAfter('SELECT count(*) FROM audit_log;')).toMatchObject({
      ok: true,
      count: ENTRIES,
    });
  });

  it('the triggers refuse UPDATE and DELETE from sqlcipher too, until dropped', () => {
    const root = mkdtempSync(join(tmpdir(), 'zamok-tamper-'));
    scratch.push(root);
    cpSync(template, join(root, 'vault'), { recursive: true });
    const result = spawnSync('sqlcipher', [join(root, 'vault', 'zamok.db')], {
      input: `PRAGMA key = "x'${keyHex}'";\nDELETE FROM audit_log WHERE seq = 5;\n`,
      encoding: 'utf8',
    });
    expect(result.stderr).toContain('audit_log is append-only');
  });

  it('an edited entry: hash_mismatch at its seq', async () => {
    const sql = `${DROP_TRIGGERS} UPDATE audit_log SET outcome = 'denied' WHERE seq = 3;`;
    expect(await verifyAfter(sql)).toEqual({ ok: false, brokenAt: 3, reason: 'hash_mismatch' });
  });

  it('an edited entry whose hash was recomputed: the next entry no longer links to it', async () => {
    const rows = await readRows();
    const forged = { ...at(rows, 2), action: 'contacts.read' };
    const hash = hashRow(forged);
    const sql = `${DROP_TRIGGERS} UPDATE audit_log SET action = 'contacts.read', hash = '${hash}' WHERE seq = 3;`;
    expect(await verifyAfter(sql)).toEqual({ ok: false, brokenAt: 4, reason: 'prev_mismatch' });
  });

  it('a deleted entry in the middle: seq_gap at the missing seq', async () => {
    const sql = `${DROP_TRIGGERS} DELETE FROM audit_log WHERE seq = 3;`;
    expect(await verifyAfter(sql)).toEqual({ ok: false, brokenAt: 3, reason: 'seq_gap' });
  });

  it('the last entries deleted (truncation): head_mismatch at the first missing seq', async () => {
    const last = `${DROP_TRIGGERS} DELETE FROM audit_log WHERE seq = 5;`;
    expect(await verifyAfter(last)).toEqual({ ok: false, brokenAt: 5, reason: 'head_mismatch' });
    const two = `${DROP_TRIGGERS} DELETE FROM audit_log WHERE seq >= 4;`;
    expect(await verifyAfter(two)).toEqual({ ok: false, brokenAt: 4, reason: 'head_mismatch' });
  });

  it('an entry inserted in the middle (the rest renumbered): broken at the inserted seq', async () => {
    const rows = await readRows();
    const inserted: AuditLogTable = {
      ...at(rows, 2),
      action: 'contacts.delete',
      prev_hash: at(rows, 1).hash,
    };
    inserted.hash = hashRow(inserted); // a correct link to seq 2: the attacker knows the algorithm
    const sql = `${DROP_TRIGGERS}
      UPDATE audit_log SET seq = -seq WHERE seq >= 3;
      UPDATE audit_log SET seq = 1 - seq WHERE seq < 0;
      ${insertSql(inserted)}`;
    // Seq 3 links correctly; the old seq 3, now 4, was hashed as seq 3 after seq 2.
    expect(await verifyAfter(sql)).toEqual({ ok: false, brokenAt: 4, reason: 'prev_mismatch' });
    const naive = `${DROP_TRIGGERS}
      UPDATE audit_log SET seq = -seq WHERE seq >= 3;
      UPDATE audit_log SET seq = 1 - seq WHERE seq < 0;
      ${insertSql({ ...inserted, hash: 'f'.repeat(64) })}`;
    expect(await verifyAfter(naive)).toEqual({ ok: false, brokenAt: 3, reason: 'hash_mismatch' });
  });

  it('an entry appended after the head with a correct hash: head_mismatch', async () => {
    const rows = await readRows();
    const extra: AuditLogTable = {
      ...at(rows, 4),
      seq: 6,
      action: 'contacts.export',
      prev_hash: at(rows, 4).hash,
    };
    extra.hash = hashRow(extra);
    expect(await verifyAfter(insertSql(extra))).toEqual({
      ok: false,
      brokenAt: 6,
      reason: 'head_mismatch',
    });
  });

  it('two entries reordered (contents swapped): broken at the first of them', async () => {
    const sql = `${DROP_TRIGGERS}
      UPDATE audit_log SET seq = -2 WHERE seq = 2;
      UPDATE audit_log SET seq = 2 WHERE seq = 3;
      UPDATE audit_log SET seq = 3 WHERE seq = -2;`;
    expect(await verifyAfter(sql)).toEqual({ ok: false, brokenAt: 2, reason: 'prev_mismatch' });
  });

  it('the head anchor deleted: the commit record refuses the unlock; without it head_mismatch at seq 1', async () => {
    const sql = "DELETE FROM vault_meta WHERE key = 'audit_head';";
    await expect(reopen(tamper(sql))).rejects.toMatchObject({ code: 'vault_damaged' });
    expect(await verifyAfter(sql, { dropRecord: true })).toEqual({
      ok: false,
      brokenAt: 1,
      reason: 'head_mismatch',
    });
  });

  it('after a truncation the app keeps logging and the break stays visible', async () => {
    const vault = await reopen(tamper(`${DROP_TRIGGERS} DELETE FROM audit_log WHERE seq >= 4;`));
    try {
      const next = appendAudit(vault, { action: 'auth.sign_in', outcome: 'ok' });
      expect(next.seq).toBe(6); // numbered after the anchored head (5), chained to its hash
      expect(verifyAuditChain(vault)).toEqual({ ok: false, brokenAt: 4, reason: 'seq_gap' });
    } finally {
      vault.close();
    }
  });

  it('honest limit: rewriting the tail AND the head (and the commit record) with the key is not detectable locally', async () => {
    const rows = await readRows();
    const head = JSON.stringify({ seq: 4, hash: at(rows, 3).hash });
    const sql = `${DROP_TRIGGERS} DELETE FROM audit_log WHERE seq = 5;
      UPDATE vault_meta SET value = '${head}' WHERE key = 'audit_head';`;
    // The commit record outside the database still holds seq 5: the unlock refuses.
    await expect(reopen(tamper(sql))).rejects.toMatchObject({ code: 'vault_damaged' });
    // Someone with the key can rewrite (here: remove) the record too. Then only a head recorded
    // elsewhere (backup manifest, printout) reveals this.
    expect(await verifyAfter(sql, { dropRecord: true })).toMatchObject({
      ok: true,
      count: 4,
      head: { seq: 4 },
    });
  });
});
