/**
 * A record's timeline on real SQLCipher vaults: one stream of activities, deals and document events,
 * newest first, paged by keyset; what a manager and the head see of a shared contact; records the
 * caller cannot read are `not_found`; the query reads index ranges (no table scan of activities).
 */
import { Kysely, SqliteDialect } from 'kysely';
import { closedAfterEach, rejectionCode as failure } from '../record/vaults.test-support';
import { describe, expect, it } from 'vitest';
import { activityInputSchema, type TimelineItem } from '../../../src-shared/activities';
import { appendAudit } from '../../audit';
import type { Database } from '../../vault/schema';
import { shareContact } from '../contacts/ownership';
import { viewerOf } from '../contacts/contacts.test-support';
import { createDealsTestVault } from '../deals/deals.test-support';
import { createActivity, timeline } from '.';
import { roleViewer } from './activities.test-support';

const open = closedAfterEach(createDealsTestVault);

async function office() {
  const t = await open();
  return { ...t, adb: t.vault.db };
}

const at = (minute: number) => new Date(Date.UTC(2026, 0, 15, 9, minute));
const subjects = (items: TimelineItem[]) => items.map(i => i.subject);

describe('timeline', () => {
  it('merges activities, deals and document events newest first, and pages without gaps', async () => {
    const t = await office();
    const c = await t.contact(t.staff.anna);
    const anna = roleViewer(t.staff.anna, 'manager');
    const log = (subject: string, minute: number, kind = 'call') =>
      createActivity(
        t.adb,
        anna,
        activityInputSchema.parse({
          kind,
          subject,
          contactId: c,
          occurredAt: at(minute).toISOString(),
        }),
        at(minute),
      );
    for (let i = 0; i < 40; i++) await log(`Дзвінок ${String(i).padStart(2, '0')}`, i);
    const deal = await t.deal(t.staff.anna, { contactId: c, title: 'Поставка борошна' });
    t.vault.sqlite
      .prepare(
        `INSERT INTO documents (id, record_type, record_id, owner_id, file_name, mime_type, size,
          sha256, format_version, file_key, created_at) VALUES (?, 'contact', ?, ?, ?, ?, 10, ?, 1, ?, ?)`,
      )
      .run(
        'doc-1',
        c,
        t.staff.anna,
        'договір.pdf',
        'application/pdf',
        'a'.repeat(64),
        Buffer.alloc(32),
        at(50).toISOString(),
      );
    appendAudit(
      t.vault,
      {
        userId: t.staff.anna,
        action: 'documents.upload',
        entityType: 'document',
        entityId: 'doc-1',
        outcome: 'ok',
      },
      new Date(Date.parse(deal.createdAt) + 1000),
    );

    const first = await timeline(t.adb, anna, 'contact', c);
    expect(first.items).toHaveLength(30);
    expect(first.items[0]).toMatchObject({
      source: 'document',
      subject: 'договір.pdf',
      action: 'documents.upload',
    });
    expect(first.items[1]).toMatchObject({
      source: 'deal',
      id: deal.id,
      subject: 'Поставка борошна',
    });
    expect(first.items[2]).toMatchObject({
      source: 'activity',
      kind: 'call',
      subject: 'Дзвінок 39',
    });
    const second = await timeline(t.adb, anna, 'contact', c, first.nextCursor ?? '');
    expect(subjects(second.items)).toEqual(
      Array.from({ length: 12 }, (_, i) => `Дзвінок ${String(11 - i).padStart(2, '0')}`),
    );
    expect(second.nextCursor).toBeNull();
    const times = [...first.items, ...second.items].map(i => i.at);
    expect([...times].sort().reverse()).toEqual(times);
  });

  it('a manager sees only their own activities on a contact shared with them; the head sees all', async () => {
    const t = await office();
    const c = await t.contact(t.staff.anna);
    await shareContact(t.db, viewerOf(t.staff.anna, 'own'), c, t.staff.borys);
    const input = (subject: string) =>
      activityInputSchema.parse({ kind: 'note', subject, contactId: c });
    await createActivity(t.adb, roleViewer(t.staff.anna, 'manager'), input('Нотатка Анни'), at(1));
    await createActivity(
      t.adb,
      roleViewer(t.staff.borys, 'manager'),
      input('Нотатка Бориса'),
      at(2),
    );
    await t.deal(t.staff.anna, { contactId: c, title: 'Угода Анни' });

    const borys = await timeline(t.adb, roleViewer(t.staff.borys, 'manager'), 'contact', c);
    expect(subjects(borys.items)).toEqual(['Нотатка Бориса']);
    expect(borys.items[0]?.ownerId).toBe(t.staff.borys);
    const head = await timeline(t.adb, roleViewer(t.staff.head, 'head'), 'contact', c);
    expect(subjects(head.items).sort()).toEqual(
      ['Нотатка Анни', 'Нотатка Бориса', 'Угода Анни'].sort(),
    );
    // Vira (same team as Anna, no share) cannot open the contact's timeline at all.
    expect(await failure(timeline(t.adb, roleViewer(t.staff.vira, 'manager'), 'contact', c))).toBe(
      'not_found',
    );
    expect(
      await failure(timeline(t.adb, roleViewer(t.staff.head, 'head'), 'company', 'no-such')),
    ).toBe('not_found');
  });

  it('a cursor from another record is refused', async () => {
    const t = await office();
    const c1 = await t.contact(t.staff.anna);
    const c2 = await t.contact(t.staff.anna);
    const anna = roleViewer(t.staff.anna, 'manager');
    for (let i = 0; i < 3; i++) {
      await createActivity(
        t.adb,
        anna,
        activityInputSchema.parse({ kind: 'note', subject: `n${i}`, contactId: c1 }),
        at(i),
      );
    }
    const page = await timeline(t.adb, anna, 'contact', c1, undefined, 2);
    expect(page.nextCursor).not.toBeNull();
    expect(await failure(timeline(t.adb, anna, 'contact', c2, page.nextCursor ?? ''))).toBe(
      'invalid_input',
    );
  });

  it('reads index ranges of each source, not the whole activities table (the query it runs)', async () => {
    const t = await office();
    const c = await t.contact(t.staff.anna);
    const anna = roleViewer(t.staff.anna, 'manager');
    for (let i = 0; i < 3; i++) {
      await createActivity(
        t.adb,
        anna,
        activityInputSchema.parse({ kind: 'note', subject: `n${i}`, contactId: c }),
        at(i),
      );
    }
    await t.deal(t.staff.anna, { contactId: c, title: 'Угода' });
    // The same vault connection, with every statement the timeline runs captured.
    const ran: { sql: string; parameters: readonly unknown[] }[] = [];
    const logged = new Kysely<Database>({
      dialect: new SqliteDialect({ database: t.vault.sqlite }),
      log: event => void ran.push(event.query),
    });
    const first = await timeline(logged, anna, 'contact', c, undefined, 2);
    ran.length = 0;
    // The second page: each source continues after the cursor.
    await timeline(logged, anna, 'contact', c, first.nextCursor ?? undefined, 2);
    const page = ran.find(q => q.sql.includes('UNION ALL'));
    if (!page) throw new Error('the page query did not run');
    const plan = (
      t.vault.sqlite.prepare(`EXPLAIN QUERY PLAN ${page.sql}`).all(...page.parameters) as {
        detail: string;
      }[]
    )
      .map(r => r.detail)
      .join('\n');
    // Activities (the first part of the UNION): the record's range of activities_contact_time
    // after the cursor, read in index order (no sort).
    const activitiesPart = plan.split('UNION ALL')[0] ?? '';
    expect(activitiesPart).toMatch(
      /SEARCH activities USING INDEX activities_contact_time \(contact_id=\? AND \(occurred_at,id\)<\(\?,\?\)\)/,
    );
    expect(activitiesPart).not.toContain('TEMP B-TREE');
    // No source is read by a full scan of its table (only the few merged rows are scanned).
    expect(plan).toMatch(/SEARCH deals USING INDEX/);
    expect(plan).not.toMatch(/SCAN (activities|deals|documents|audit_log|users)\b/);
  });
});
