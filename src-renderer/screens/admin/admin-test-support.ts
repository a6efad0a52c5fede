/**
 * Test data for the admin screens (jsdom): staff accounts and the built-in roles as main returns
 * them (the fake bridge is src-renderer/test-support/scripted-api). Never imported by the app itself.
 */
import type { RoleInfo } from '../../../src-shared/ipc/roles';
import type { UserSummary } from '../../../src-shared/ipc/users';
import { ROLES } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';

/** A staff account for tests. */
export function staff(
  id: string,
  login: string,
  displayName: string,
  role: string,
  extra: Partial<UserSummary> = {},
): UserSummary {
  return {
    id,
    login,
    displayName,
    role,
    status: 'active',
    teamId: null,
    createdAt: '2026-01-10T09:00:00.000Z',
    lastSignInAt: '2026-11-28T08:15:00.000Z',
    totpEnabled: true,
    mustChangePassword: false,
    ...extra,
  };
}

/** The built-in roles as `roles.list` returns them. */
export const BUILT_IN_ROLE_INFOS: RoleInfo[] = ROLES.map(id => ({
  id,
  name: id,
  builtIn: true,
  grants: BUILT_IN_GRANTS[id],
}));
