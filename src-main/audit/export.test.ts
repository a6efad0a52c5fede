/**
 * The audit export as the owner opens it: a real vault, entries with Cyrillic names, commas, quotes,
 * newlines and formula-looking values, read back with an RFC 4180 reader written here (no CSV
 * library involved on the reading side).
 */
import { rmSync } from 'node:fs';
import { dirname } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OpenVault } from '../vault';
import { createTestVault, snapshotDir } from '../vault/temp-vault.test-support';
import {
  AUDIT_EXPORT_COLUMNS,
  AuditExportTooLargeError,
  csvCell,
  exportAudit,
  exportFileName,
} from './export';
import { appendAudit, AuditInputError, REDACTED } from './index';

let vault: OpenVault;
let dir: string;

const DAY = '2026-11-29';
const at = (time: string): Date => new Date(`${DAY}T${time}.000Z`);
const RANGE = { from: `${DAY}T00:00:00.000Z`, to: '2026-11-30T00:00:00.000Z' };

beforeEach(async () => {
  const created = await createTestVault();
  vault = created.vault;
  dir = created.dir;
  appendAudit(
    vault,
    { userId: 'u1', userLogin: 'олена', action: 'auth.sign_in', outcome: 'ok', deviceId: 'dev-1' },
    new Date('2026-11-28T23:59:59.999Z'), // the day before: outside the range
  );
  appendAudit(
    vault,
    {
      userId: 'u1',
      userLogin: 'олена',
      action: 'contacts.update',
      entityType: 'contact',
      entityId: 'c-1',
      outcome: 'ok',
      changes: {
        name: { before: 'Петренко, Іван', after: 'Петренко "Ваня", Іван' },
        note: { before: null, after: 'line one\nline two' },
        password: { before: 'old secret', after: 'new secret' },
      },
    },
    at('08:00:00'),
  );
  appendAudit(
    vault,
    {
      userId: 'u2',
      userLogin: '=HYPERLINK("http://evil.example","x")',
      action: 'contacts.create',
      entityType: 'contact',
      entityId: '+380441234567',
      outcome: 'ok',
      deviceId: '@dev',
    },
    at('09:00:00'),
  );
  appendAudit(
    vault,
    { userLogin: '-2+3', action: 'auth.sign_in', outcome: 'failed', details: { error: 'x' } },
    at('23:59:59'),
  );
  appendAudit(vault, { action: 'auth.sign_in', outcome: 'ok' }, new Date(RANGE.to)); // excluded: `to` is exclusive
});

afterEach(() => {
  vault.close();
  rmSync(dirname(dir), { recursive: true, force: true });
});

/** RFC 4180 reader: quoted cells, doubled quotes, CR/LF inside quotes, CRLF row ends. */
function parseCsv(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 1;
    } else cell += c;
  }
  if (cell !== '' || row.length > 0) throw new Error('CSV does not end with CRLF');
  return rows;
}

describe('exportAudit: CSV', () => {
  it('has a BOM, a header row and one row per entry of the range, oldest first', () => {
    const file = exportAudit(vault, { ...RANGE, format: 'csv' });
    expect(file.content.startsWith('\uFEFF')).toBe(true);
    expect(file.mimeType).toBe('text/csv;charset=utf-8');
    expect(file.fileName).toBe('zamok-audit-2026-11-29-to-2026-11-29.csv');
    expect(file.count).toBe(3);
    const [header, ...rows] = parseCsv(file.content.slice(1));
    expect(header).toEqual([...AUDIT_EXPORT_COLUMNS]);
    expect(rows.map(r => r[0])).toEqual(['2', '3', '4']);
    for (const r of rows) expect(r).toHaveLength(AUDIT_EXPORT_COLUMNS.length);
    const byName = (r: string[], column: (typeof AUDIT_EXPORT_COLUMNS)[number]) =>
      r[AUDIT_EXPORT_COLUMNS.indexOf(column)];
    const update = rows[0] ?? [];
    expect(byName(update, 'userLogin')).toBe('олена');
    expect(byName(update, 'at')).toBe('2026-11-29T08:00:00.000Z');
    const changes = JSON.parse(byName(update, 'changes') ?? '') as Record<string, unknown>;
    expect(changes).toEqual({
      name: { before: 'Петренко, Іван', after: 'Петренко "Ваня", Іван' },
      note: { before: null, after: 'line one\nline two' },
      password: { before: REDACTED, after: REDACTED },
    });
    expect(file.content).not.toContain('secret');
  });

  it('prefixes formula-looking cells with a quote so a spreadsheet shows them as text', () => {
    const file = exportAudit(vault, { ...RANGE, format: 'csv' });
    const rows = parseCsv(file.content.slice(1)).slice(1);
    const column = (name: (typeof AUDIT_EXPORT_COLUMNS)[number]) =>
      rows.map(r => r[AUDIT_EXPORT_COLUMNS.indexOf(name)]);
    expect(column('userLogin')).toEqual([
      'олена',
      `'=HYPERLINK("http://evil.example","x")`,
      "'-2+3",
    ]);
    expect(column('entityId')).toEqual(['c-1', "'+380441234567", '']);
    expect(column('deviceId')).toEqual(['', "'@dev", '']);
    // No cell of the file starts with a formula character.
    for (const cell of rows.flat()) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('uses ; when asked, quoting cells that contain it', () => {
    const file = exportAudit(vault, { ...RANGE, format: 'csv', delimiter: ';' });
    const [header, ...rows] = parseCsv(file.content.slice(1), ';');
    expect(header).toEqual([...AUDIT_EXPORT_COLUMNS]);
    expect(rows).toHaveLength(3);
    expect(rows[0]?.[AUDIT_EXPORT_COLUMNS.indexOf('userLogin')]).toBe('олена');
  });

  it('exports only a header for an empty range', () => {
    const file = exportAudit(vault, {
      from: '2020-01-01T00:00:00.000Z',
      to: '2020-01-02T00:00:00.000Z',
      format: 'csv',
    });
    expect(file.count).toBe(0);
    expect(file.content).toBe(`\uFEFF${AUDIT_EXPORT_COLUMNS.join(',')}\r\n`);
  });
});

describe('exportAudit: JSON', () => {
  it('parses back to the range, the count and the entries with their hashes', () => {
    const file = exportAudit(vault, { ...RANGE, format: 'json' });
    expect(file.mimeType).toBe('application/json');
    expect(file.fileName).toBe('zamok-audit-2026-11-29-to-2026-11-29.json');
    const parsed = JSON.parse(file.content) as {
      from: string;
      to: string;
      count: number;
      entries: { seq: number; userLogin: string | null; hash: string; prevHash: string }[];
    };
    expect(parsed.from).toBe(RANGE.from);
    expect(parsed.to).toBe(RANGE.to);
    expect(parsed.count).toBe(3);
    expect(parsed.entries.map(e => e.seq)).toEqual([2, 3, 4]);
    expect(parsed.entries[0]?.userLogin).toBe('олена');
    // Consecutive entries link: an auditor can check the exported slice of the chain.
    expect(parsed.entries[1]?.prevHash).toBe(parsed.entries[0]?.hash);
    expect(file.content).not.toContain('secret');
  });

  it('is valid JSON for an empty range too', () => {
    const file = exportAudit(vault, {
      from: '2020-01-01T00:00:00.000Z',
      to: '2020-01-02T00:00:00.000Z',
      format: 'json',
    });
    expect(JSON.parse(file.content)).toMatchObject({ count: 0, entries: [] });
  });
});

describe('exportAudit: refusals', () => {
  it('refuses a range over the row cap with the count, building nothing and writing nothing', () => {
    // The -shm file is SQLite's shared-memory index (read marks change on any read): not data.
    const files = () => {
      const { 'zamok.db-shm': _shm, ...rest } = snapshotDir(dir);
      return rest;
    };
    const before = files();
    const error = (() => {
      try {
        exportAudit(vault, { ...RANGE, format: 'csv', maxRows: 2 });
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AuditExportTooLargeError);
    expect(error).toMatchObject({ code: 'invalid_input', count: 3, maxRows: 2 });
    expect((error as Error).message).toMatch(/Narrow the dates/);
    expect(files()).toEqual(before);
    expect(exportAudit(vault, { ...RANGE, format: 'csv', maxRows: 3 }).count).toBe(3);
  });

  it('refuses an empty or reversed range and times that are not ISO UTC', () => {
    for (const range of [
      { from: RANGE.to, to: RANGE.from },
      { from: RANGE.from, to: RANGE.from },
      { from: '2026-11-29', to: RANGE.to },
      { from: "2026-11-29T00:00:00.000Z' OR 1=1 --", to: RANGE.to },
    ]) {
      expect(() => exportAudit(vault, { ...range, format: 'json' })).toThrow(AuditInputError);
    }
  });
});

describe('csvCell and exportFileName', () => {
  it('escapes like a spreadsheet expects', () => {
    expect(csvCell(null)).toBe('');
    expect(csvCell(42)).toBe('42');
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('a;b')).toBe('a;b');
    expect(csvCell('a;b', ';')).toBe('"a;b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('\t=1')).toBe("'\t=1");
    expect(csvCell('\r=1')).toBe(`"'\r=1"`);
    expect(csvCell('=A1,B1')).toBe(`"'=A1,B1"`);
  });

  it('names the file after the first and the last day of the range', () => {
    expect(exportFileName('2026-11-01T00:00:00.000Z', '2026-12-01T00:00:00.000Z', 'csv')).toBe(
      'zamok-audit-2026-11-01-to-2026-11-30.csv',
    );
  });
});
