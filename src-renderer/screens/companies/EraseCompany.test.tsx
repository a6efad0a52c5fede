// @vitest-environment jsdom
/**
 * "Erase personal data" on a sole proprietor's company page: hidden from a manager; for the owner
 * it warns that only a card that is a person should be erased, needs the name typed out, and calls
 * `erasure.eraseCompany` with the company's id. Ukrainian.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { Providers } from '../../app/Providers';
import { installDomShims, ok, OWNER } from '../../app/test-support';
import { createI18n } from '../../i18n';
import { resetAllStores } from '../../stores/registry';
import { useSessionStore } from '../../stores/session';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { EraseCompany } from './EraseCompany';

beforeAll(() => installDomShims());
afterEach(() => {
  cleanup();
  resetAllStores();
});

const NAME = 'ФОП Шевченко Тарас';

function renderErase(api: ZamokApi) {
  const onErased = vi.fn();
  render(
    <Providers api={api} i18n={createI18n('uk')} env="test">
      <EraseCompany companyId="co-1" name={NAME} onErased={onErased} />
    </Providers>,
  );
  return onErased;
}

describe('erase a sole proprietor’s company card', () => {
  it('is not offered to a manager', () => {
    useSessionStore.setState({
      user: { ...OWNER, role: 'manager', grants: BUILT_IN_GRANTS.manager },
    });
    renderErase(scriptedApi().api);
    expect(screen.queryByRole('button', { name: 'Стерти персональні дані' })).toBeNull();
  });

  it('warns, needs the name typed out, then erases the company', async () => {
    useSessionStore.setState({ user: OWNER });
    const result = {
      ...{ erasureId: 'e-1', companyId: 'co-1', found: true, activities: 1, documents: 0 },
      ...{ contactsUnlinked: 1, dealsUnlinked: 0, auditEntries: 2 },
    };
    const { api, calls } = scriptedApi({ erasure: { eraseCompany: async () => ok(result) } });
    const onErased = renderErase(api);
    fireEvent.click(screen.getByRole('button', { name: 'Стерти персональні дані' }));
    expect(await screen.findByText(/лише картку, яка є людиною \(ФОП\)/)).toBeTruthy();
    const confirm = screen.getByRole('button', { name: 'Стерти назавжди' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(screen.getByLabelText(/введіть ім’я особи/), { target: { value: NAME } });
    fireEvent.click(confirm);
    await waitFor(() => expect(onErased).toHaveBeenCalledOnce());
    expect(inputsOf(calls, 'erasure.eraseCompany')).toEqual([{ companyId: 'co-1' }]);
    expect(inputsOf(calls, 'erasure.erase')).toEqual([]);
  });
});
