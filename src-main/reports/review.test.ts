import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { AuditEntryPage } from '../../src-shared/ipc/audit';
import type { MonthlyReview, ReportFile, ReviewUserRow } from '../../src-shared/ipc/reports';
import { updateOfficeSettings } from '../settings/office-settings';
import { failure, ok } from '../users/staff-app.test-support';
import { inflatePdf, pdfText } from './pdf-text.test-support';
import { reviewOffice } from './review-office.test-support';
import { monthRange } from './month';
import {
  alertsAcknowledgedQuery,
  alertsRaisedQuery,
  devicesQuery,
  failedQuery,
  recordsQuery,
  refusedSignInsQuery,
  signInsQuery,
} from './review-queries';

let office: Awaited<ReturnType<typeof reviewOffice>>;
beforeAll(async () => {
  office = await reviewOffice();
}, 60_000);
afterAll(() => {
  for (const a of office.apps) a.app.dispose();
  vi.useRealTimers();
});

function row(review: MonthlyReview, login: string): ReviewUserRow {
  const found = review.users.find(u => u.login === login);
  if (!found) throw new Error(`${login} not in the review`);
  return found;
}

describe('monthly review', () => {
  it('counts March per person for the owner: sign-ins, failures, record changes, alerts', async () => {
    const review = await ok<MonthlyReview>(
      office.owner.app.call('reports.review', { month: '2026-03' }),
    );
    expect(review.coverage).toBe('all');
    expect(review.users.map(u => u.login).sort()).toEqual(['anna', 'borys', 'hanna', 'olena']);
    const anna = row(review, 'anna');
    // The first sign-in with the setup password, then the one after two wrong passwords.
    expect(anna.signIns).toBe(2);
    expect(anna.failedSignIns).toBe(2);
    expect(anna.devices).toHaveLength(1);
    expect((anna.firstSignInAt ?? '') < (anna.lastSignInAt ?? '')).toBe(true);
    expect(anna.records).toEqual([
      { feature: 'contacts', created: 2, changed: 1, deleted: 1, exported: 1 },
    ]);
    expect(row(review, 'borys').totals).toEqual({
      created: 1,
      changed: 0,
      deleted: 0,
      exported: 0,
    });
    expect(row(review, 'borys').failedSignIns).toBe(0);
    const owner = row(review, 'olena');
    expect(owner.alertsRaised).toBeGreaterThanOrEqual(1);
    expect(owner.alertsAcknowledged).toBe(office.alertAcknowledged ? 1 : 0);
    expect(office.alertAcknowledged).toBe(true);
    // Ids and counts only: no contact surname reaches the report.
    expect(JSON.stringify(review)).not.toMatch(/Коваль|Шевченко|Мельник|Бондар/);
  });

  it('does not count April in March, and counts it in April', async () => {
    const april = await ok<MonthlyReview>(
      office.owner.app.call('reports.review', { month: '2026-04' }),
    );
    expect(row(april, 'anna').totals.created).toBe(1);
    // Back after a month, she signed in again (the idle lock had locked her session).
    expect(row(april, 'anna').signIns).toBe(1);
    expect(row(april, 'borys').totals.created).toBe(0);
  });

  it('shows a head only the people of their own team', async () => {
    const review = await ok<MonthlyReview>(
      office.head.app.call('reports.review', { month: '2026-03' }),
    );
    expect(review.coverage).toBe('team');
    expect(review.users.map(u => u.login).sort()).toEqual(['anna', 'hanna']);
    expect(review.systemAlerts).toBe(0);
    const csv = await ok<{ text: string }>(
      office.head.app.call('reports.reviewCsv', { month: '2026-03', lang: 'en' }),
    );
    expect(csv.text).toContain('anna');
    expect(csv.text).not.toContain('borys');
    expect(csv.text).not.toContain('olena');
  });

  it('refuses managers and administrators, and a malformed month changes nothing', async () => {
    expect((await failure(office.anna.app.call('reports.review', { month: '2026-03' }))).code).toBe(
      'forbidden',
    );
    const bad = await failure(office.owner.app.call('reports.review', { month: '2026-13' }));
    expect(bad.code).toBe('invalid_input');
  });

  it('is audited with the month and coverage, never the content', async () => {
    const page = await ok<AuditEntryPage>(
      office.owner.app.call('audit.list', { action: 'reports.review', limit: 20 }),
    );
    const mine = page.entries.find(
      e => e.userLogin === 'olena' && e.outcome === 'ok' && e.details?.month === '2026-03',
    );
    expect(mine?.details).toMatchObject({ month: '2026-03', coverage: 'all', users: 4 });
  });

  it('answers every query from an index on the month range', () => {
    const vault = office.owner.app.app.state.openVault();
    if (!vault) throw new Error('locked');
    const db = vault.db;
    const { from, to } = monthRange('2026-03', 'Europe/Kyiv');
    for (const userIds of [null, ['u-1', 'u-2']]) {
      const r = { from, to, userIds };
      const queries = [
        signInsQuery(db, r),
        devicesQuery(db, r),
        failedQuery(db, r, userIds),
        recordsQuery(db, r),
        refusedSignInsQuery(db, r),
        alertsRaisedQuery(db, r),
        alertsAcknowledgedQuery(db, r),
      ];
      for (const q of queries) {
        const compiled = q.compile();
        const plan = vault.sqlite
          .prepare(`EXPLAIN QUERY PLAN ${compiled.sql}`)
          .all(...(compiled.parameters as unknown[])) as { detail: string }[];
        const text = plan.map(p => p.detail).join(' | ');
        expect(text, compiled.sql).toMatch(/USING (COVERING )?INDEX/);
        expect(text, compiled.sql).not.toMatch(/SCAN (audit_log|alerts)(?! USING)/);
      }
    }
  });

  it('heads the PDF with the office name from the settings, and without it when unset', async () => {
    const vault = office.owner.app.app.state.openVault();
    if (!vault) throw new Error('vault closed');
    const text = async (lang: 'uk' | 'en') => {
      const file = await ok<ReportFile>(
        office.owner.app.call('reports.reviewPdf', { month: '2026-03', lang }),
      );
      if (file.base64 === undefined) throw new Error('not a binary file');
      return pdfText(inflatePdf(Buffer.from(file.base64, 'base64')));
    };
    const before = await text('uk');
    expect(before).toContain('Щомісячний огляд активності: березень 2026');
    expect(before).not.toContain('Світанок');
    // Straight into the vault: a settings channel's audit entry would land in the reviewed month.
    await updateOfficeSettings(vault.db, { officeName: 'ТОВ «Пекарня Світанок»' });
    const uk = (await text('uk')).split('\n');
    const title = uk.indexOf('Щомісячний огляд активності: березень 2026');
    expect(uk.slice(title + 1, title + 3).join(' ')).toContain('ТОВ «Пекарня Світанок»');
    const en = await text('en');
    expect(en).toContain('Monthly activity review for March 2026');
    expect(en).toContain('ТОВ «Пекарня Світанок»');
    await updateOfficeSettings(vault.db, { officeName: '' });
  });
});
