/**
 * `users.colleagues`: any signed-in member of staff gets the active colleagues' ids and names — and
 * nothing else (no logins, roles or dismissed accounts) — while `users.list` stays behind users.read.
 */
import { afterEach, describe, expect, it } from 'vitest';
import type { Result } from '../../../src-shared/ipc/contract';
import { usersContract } from '../../../src-shared/ipc/users';
import { createContactsTestVault, type TestStaff } from '../../crm/contacts/contacts.test-support';
import { closeTestVaults, composeTestApp, keepOpen } from './app.test-support';
import { usersHandlers } from './users';

afterEach(closeTestVaults);

async function app() {
  const { vault, staff } = await keepOpen(createContactsTestVault());
  const { state, call, signInStaff } = composeTestApp({
    vault,
    staff,
    contract: { users: usersContract },
    handlers: ({ state }) => ({
      users: usersHandlers({
        state,
        tools: { now: () => new Date() } as unknown as Parameters<typeof usersHandlers>[0]['tools'],
      }),
    }),
  });
  function as(who: keyof TestStaff) {
    signInStaff(who);
    return (name: keyof typeof usersContract, input: unknown): Promise<Result<unknown>> =>
      call(`users.${name}`, input);
  }
  return { staff, as, state };
}

describe('users.colleagues', () => {
  it('a manager gets active colleagues’ ids and names only; users.list stays forbidden', async () => {
    const { staff, as } = await app();
    const call = as('anna');
    const colleagues = await call('colleagues', {});
    if (!colleagues.ok) throw new Error(colleagues.error.code);
    const list = colleagues.value as { id: string; displayName: string }[];
    expect(list.map(c => c.id)).toContain(staff.borys);
    expect(list.map(c => c.id)).not.toContain(staff.gone);
    for (const entry of list) expect(Object.keys(entry).sort()).toEqual(['displayName', 'id']);
    const names = list.map(c => c.displayName);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'uk')));
    const refused = await call('list', {});
    expect(refused.ok ? null : refused.error.code).toBe('forbidden');
  });

  it('needs a session, and refuses extra input', async () => {
    const { as, state } = await app();
    const call = as('anna');
    const bad = await call('colleagues', { role: 'owner' });
    expect(bad.ok ? null : bad.error.code).toBe('invalid_input');
    state.end({ keepLogin: false, closeNow: false });
    const none = await call('colleagues', {});
    expect(none.ok ? null : none.error.code).toBe('unauthenticated');
  });
});
