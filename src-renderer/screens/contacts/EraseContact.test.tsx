// @vitest-environment jsdom
/**
 * "Erase personal data" on the contact page: hidden from a role without privacy.erase; for the
 * owner the button stays disabled until the person's name is typed, then erases and reports back;
 * a refusal from the main process is shown and nothing else happens. Ukrainian and English.
 */
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { Providers } from '../../app/Providers';
import { fail, installDomShims, ok, OWNER } from '../../app/test-support';
import { createI18n } from '../../i18n';
import { resetAllStores } from '../../stores/registry';
import { useSessionStore } from '../../stores/session';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { EraseContact } from './EraseContact';

beforeAll(() => installDomShims());
afterEach(() => {
  cleanup();
  resetAllStores();
});

const NAME = 'Шевченко Тарас';

function renderErase(api: ZamokApi, language: 'uk' | 'en' = 'en') {
  const onErased = vi.fn();
  render(
    <Providers api={api} i18n={createI18n(language)} env="test">
      <EraseContact contactId="c-1" name={NAME} onErased={onErased} />
    </Providers>,
  );
  return onErased;
}

const RESULT = {
  erasureId: 'e-1',
  contactId: 'c-1',
  found: true,
  activities: 1,
  documents: 1,
  shares: 0,
  dealsUnlinked: 0,
  auditEntries: 3,
};

describe('erase personal data', () => {
  it('is not offered to a manager', () => {
    useSessionStore.setState({
      user: { ...OWNER, role: 'manager', grants: BUILT_IN_GRANTS.manager },
    });
    renderErase(scriptedApi().api);
    expect(screen.queryByRole('button', { name: 'Erase personal data' })).toBeNull();
  });

  it('needs the name typed out, then erases and reports back', async () => {
    useSessionStore.setState({ user: OWNER });
    const { api, calls } = scriptedApi({ erasure: { erase: async () => ok(RESULT) } });
    const onErased = renderErase(api);
    fireEvent.click(screen.getByRole('button', { name: 'Erase personal data' }));
    const confirm = await screen.findByRole('button', { name: 'Erase for good' });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    const input = screen.getByLabelText(`To confirm, type the person’s name: ${NAME}`);
    fireEvent.change(input, { target: { value: 'Шевченко' } });
    expect((confirm as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(input, { target: { value: ` ${NAME.toLowerCase()} ` } });
    expect((confirm as HTMLButtonElement).disabled).toBe(false);
    fireEvent.click(confirm);
    await waitFor(() => expect(onErased).toHaveBeenCalledOnce());
    expect(inputsOf(calls, 'erasure.erase')).toEqual([{ contactId: 'c-1' }]);
  });

  it('shows a refusal in Ukrainian and stays open', async () => {
    useSessionStore.setState({ user: OWNER });
    const { api } = scriptedApi({ erasure: { erase: async () => fail('forbidden') } });
    const onErased = renderErase(api, 'uk');
    fireEvent.click(screen.getByRole('button', { name: 'Стерти персональні дані' }));
    fireEvent.change(await screen.findByLabelText(/введіть ім’я особи/), {
      target: { value: NAME },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Стерти назавжди' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(onErased).not.toHaveBeenCalled();
  });
});
