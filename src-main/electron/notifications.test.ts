import { describe, expect, it } from 'vitest';
import type { AlertView } from '../../src-shared/ipc/alerts';
import { BUILT_IN_GRANTS } from '../../src-shared/roles';
import type { Session } from '../ipc';
import { notificationLocale, sessionSeesAlert } from './notifications';

const alert = (data: boolean): AlertView => ({
  id: 'a-1',
  rule: data ? 'export_approval' : 'new_device',
  severity: 'high',
  data,
  createdAt: '2026-01-01T00:00:00.000Z',
  lastAt: '2026-01-01T00:00:00.000Z',
  occurrences: 1,
  userId: 'u-2',
  entityType: null,
  entityId: null,
  auditSeq: 1,
  details: {},
  acknowledgedAt: null,
  acknowledgedBy: null,
});
const as = (role: 'owner' | 'administrator' | 'manager', restricted = false): Session => ({
  userId: 'u-1',
  login: role,
  role,
  grants: BUILT_IN_GRANTS[role],
  teamId: null,
  ...(restricted ? { restricted: 'first_sign_in' as const } : {}),
});

describe('desktop alert notifications', () => {
  it('show the owner every alert, the administrator only non-data ones, nobody else anything', () => {
    expect(sessionSeesAlert(as('owner'), alert(true))).toBe(true);
    expect(sessionSeesAlert(as('administrator'), alert(false))).toBe(true);
    expect(sessionSeesAlert(as('administrator'), alert(true))).toBe(false);
    expect(sessionSeesAlert(as('manager'), alert(false))).toBe(false);
    expect(sessionSeesAlert(null, alert(false))).toBe(false);
    expect(sessionSeesAlert(as('owner', true), alert(false))).toBe(false);
  });

  it('speak Ukrainian on a Ukrainian system, else English', () => {
    expect(notificationLocale('uk-UA')).toBe('uk');
    expect(notificationLocale('uk')).toBe('uk');
    expect(notificationLocale('en-US')).toBe('en');
    expect(notificationLocale('de')).toBe('en');
  });
});
