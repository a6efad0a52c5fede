/**
 * The scale volumes: the counts the issue asks for (scaled to the contact count), every row indexed
 * for search as product writes would be, a manager finding only their own, and a plain copy that
 * answers the same FTS5 query with the same rows.
 */
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SearchResult } from '../../src-shared/ipc/search';
import { createBenchOffice, type BenchOffice } from '../fixtures';
import { volumesFor } from './volumes';

let office: BenchOffice;
beforeAll(async () => {
  office = await createBenchOffice({ contacts: 200, managers: 4, seed: 3 });
});
afterAll(() => office.dispose());

describe('bench volumes', () => {
  it('has 1/5 companies, 1/2 deals and 10× activities of the contacts, all indexed', () => {
    expect(volumesFor(100_000)).toEqual({
      companies: 20_000,
      deals: 50_000,
      activities: 1_000_000,
    });
    const v = office.volumes();
    expect(v).toMatchObject({ companies: 40, deals: 100, activities: 2000 });
    expect(office.volumes()).toBe(v);
    const sqlite = office.app.state.vault?.sqlite;
    const count = (sql: string) => (sqlite?.prepare(sql).get() as { n: number }).n;
    expect(count('SELECT count(*) AS n FROM activities')).toBe(2000);
    expect(count('SELECT count(*) AS n FROM search_rows')).toBe(200 + 40 + 100 + 2000);
    const texts = ['contacts', 'companies', 'deals', 'activities'].map(t =>
      count(`SELECT count(*) AS n FROM search_text_${t}`),
    );
    expect(texts).toEqual([200, 40, 100, 2000]);
  });

  it('indexes as the triggers would, and puts the triggers back', () => {
    office.volumes();
    const sqlite = office.app.state.vault?.sqlite;
    if (!sqlite) throw new Error('vault closed');
    const triggers = sqlite
      .prepare(
        "SELECT count(*) AS n FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'search_%'",
      )
      .get() as { n: number };
    expect(triggers.n).toBe(12);
    // Each activity's text row holds its subject and body, under its own key.
    const mismatched = sqlite
      .prepare(
        `SELECT count(*) AS n FROM activities AS a
         JOIN search_rows AS r ON r.entity_type = 'activity' AND r.entity_id = a.id
         JOIN search_text_activities AS s ON s.rowid = r.id
         WHERE s.text <> replace(concat_ws(' ', a.subject, a.body), '''', '')`,
      )
      .get() as { n: number };
    expect(mismatched.n).toBe(0);
    // A write after generation is indexed by the restored trigger.
    const row = sqlite.prepare('SELECT * FROM activities LIMIT 1').get() as Record<string, unknown>;
    sqlite
      .prepare(
        `INSERT INTO activities (id, owner_id, kind, subject, body, occurred_at, contact_id,
           created_at, created_by, updated_at, updated_by)
         VALUES ('after-generation', @owner_id, 'note', 'Жирафа', NULL, @occurred_at, @contact_id,
           @created_at, @created_by, @updated_at, @updated_by)`,
      )
      .run(row);
    const found = sqlite
      .prepare(
        `SELECT count(*) AS n FROM search_text_activities WHERE search_text_activities MATCH '"жираф"*'`,
      )
      .get() as { n: number };
    expect(found.n).toBe(1);
    sqlite.prepare("DELETE FROM activities WHERE id = 'after-generation'").run();
  });

  it('lets the manager find only their own records', async () => {
    office.volumes();
    const r = await office.call<SearchResult>('search.query', { text: 'знижк', limit: 50 });
    const ids = (r.activities ?? []).map(h => h.id);
    expect(ids.length).toBeGreaterThan(0);
    const sqlite = office.app.state.vault?.sqlite;
    const owners = ids.map(
      id =>
        (
          sqlite?.prepare('SELECT owner_id FROM activities WHERE id = ?').get(id) as {
            owner_id: string;
          }
        ).owner_id,
    );
    expect(new Set(owners)).toEqual(new Set([office.manager.id]));
  });

  it('copies the search index into the plain copy', () => {
    office.volumes();
    const plain = new Database(office.plainCopy(), { readonly: true });
    try {
      const q = `SELECT count(*) AS n FROM search_text_activities WHERE search_text_activities MATCH '"знижк"*'`;
      const onPlain = (plain.prepare(q).get() as { n: number }).n;
      const onVault = (office.app.state.vault?.sqlite.prepare(q).get() as { n: number }).n;
      expect(onPlain).toBeGreaterThan(0);
      expect(onPlain).toBe(onVault);
    } finally {
      plain.close();
    }
  });
});
