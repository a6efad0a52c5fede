// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { PrivacyRequest, RequestList } from '../../../src-shared/privacy';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { Providers } from '../../app/Providers';
import { installDomShims, ok, OWNER } from '../../app/test-support';
import { createI18n } from '../../i18n';
import { useNavigationStore } from '../../stores/navigation';
import { resetAllStores } from '../../stores/registry';
import { useSessionStore } from '../../stores/session';
import { inputsOf, scriptedApi } from '../../test-support/scripted-api';
import { DueRequestsCard } from './DueRequestsCard';
import { usePrivacyView } from './store';

beforeAll(installDomShims);
afterEach(() => {
  cleanup();
  resetAllStores();
});

const NOW = '2026-12-06T10:00:00.000Z';
const DAY = 86_400_000;

function request(id: string, name: string, dueInDays: number, status = 'open'): PrivacyRequest {
  const due = new Date(Date.parse(NOW) + dueInDays * DAY).toISOString();
  return {
    ...{ id, contactId: `c-${id}`, contactName: name, kind: 'access', receivedAt: NOW },
    ...{ dueAt: due, status: status as PrivacyRequest['status'], answeredAt: null, note: '' },
    ...{ createdBy: 'u-1', createdAt: NOW, updatedAt: NOW },
  };
}

const LIST: RequestList = {
  items: [
    request('r1', 'Прострочена Ольга', -2),
    request('r2', 'Термінова Ірина', 3),
    request('r3', 'Спокійний Петро', 20),
    request('r4', 'Виконаний Іван', -5, 'answered'),
  ],
  dueSoon: 1,
  overdue: 1,
  now: NOW,
};

function renderCard(api: ZamokApi) {
  render(
    <Providers api={api} i18n={createI18n('uk')} env="test">
      <DueRequestsCard />
    </Providers>,
  );
}

describe('the dashboard’s subject request reminder', () => {
  it('lists overdue and due-soon open requests in Ukrainian; a link opens the request', async () => {
    useSessionStore.setState({ user: OWNER });
    const { api } = scriptedApi({ privacy: { listRequests: async () => ok(LIST) } });
    renderCard(api);
    const card = await screen.findByRole('region', {
      name: 'Запити суб’єктів: спливає строк відповіді',
    });
    const links = within(card).getAllByRole('button');
    expect(links.map(link => link.textContent)).toEqual([
      expect.stringMatching(/^Прострочена Ольга — Доступ: строк минув /),
      expect.stringMatching(/^Термінова Ірина — Доступ: відповісти до /),
    ]);
    fireEvent.click(links[1] as HTMLElement);
    expect(useNavigationStore.getState().section).toBe('privacy');
    expect(usePrivacyView.getState()).toMatchObject({ tab: 'requests', requestId: 'r2' });
  });

  it('shows nothing when nothing is due', async () => {
    useSessionStore.setState({ user: OWNER });
    const calm = { ...LIST, items: [request('r3', 'Спокійний Петро', 20)], overdue: 0, dueSoon: 0 };
    const { api, calls } = scriptedApi({ privacy: { listRequests: async () => ok(calm) } });
    renderCard(api);
    await waitFor(() => expect(inputsOf(calls, 'privacy.listRequests')).toHaveLength(1));
    // Let the answer arrive and render.
    await act(async () => {
      await Promise.resolve();
    });
    expect(screen.queryByRole('region')).toBeNull();
  });

  it('is not there for a role without privacy.read (the head), and asks nothing', () => {
    useSessionStore.setState({
      user: { ...OWNER, role: 'head', grants: BUILT_IN_GRANTS.head },
    });
    const { api, calls } = scriptedApi({ privacy: { listRequests: async () => ok(LIST) } });
    renderCard(api);
    expect(screen.queryByRole('region')).toBeNull();
    expect(inputsOf(calls, 'privacy.listRequests')).toHaveLength(0);
  });
});
