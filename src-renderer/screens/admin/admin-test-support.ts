/**
 * Test support for the admin screens (jsdom): a fake bridge built from the real contract whose
 * users/roles/audit calls answer from scripted handlers and record their inputs. Never imported by
 * the app itself.
 */
import { contract, type ZamokApi } from '../../../src-shared/ipc';
import { buildBridge, type Result } from '../../../src-shared/ipc/contract';
import type { RoleInfo } from '../../../src-shared/ipc/roles';
import type { UserSummary } from '../../../src-shared/ipc/users';
import { ROLES } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';

type Scripted = {
  [F in 'users' | 'roles' | 'audit']?: Partial<ZamokApi[F]>;
};

/** One recorded call: `feature.call` and the input the screen sent. */
export interface RecordedCall {
  name: string;
  input: unknown;
}

/** A bridge whose scripted calls answer; every other call fails with `unknown_channel`. */
export function fakeAdminApi(scripted: Scripted): { api: ZamokApi; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const api = buildBridge(contract, async (channel, input) => {
    const [feature = '', call = ''] = channel.replace(/^zamok:/, '').split('.');
    const handlers = scripted[feature as keyof Scripted] as
      Record<string, (input: unknown) => Promise<Result<unknown>>> | undefined;
    const handler = handlers?.[call];
    calls.push({ name: `${feature}.${call}`, input });
    if (!handler) return { ok: false, error: { code: 'unknown_channel', message: channel } };
    return handler(input);
  });
  return { api, calls };
}

/** The inputs of every call named `name`. */
export function inputsOf(calls: readonly RecordedCall[], name: string): unknown[] {
  return calls.filter(c => c.name === name).map(c => c.input);
}

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
