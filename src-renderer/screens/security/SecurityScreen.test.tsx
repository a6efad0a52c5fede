// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { ZamokApi } from '../../../src-shared/ipc';
import type { SecurityReport } from '../../../src-shared/ipc/security';
import { fail, ok, OWNER } from '../../app/test-support';
import { useNavigationStore } from '../../stores/navigation';
import { SecurityScreen } from './SecurityScreen';
import { scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';

setUpScreenTests(OWNER);

const REPORT: SecurityReport = {
  checkedAt: '2026-11-29T05:00:00Z',
  appVersion: '0.9.0',
  high: 1,
  findings: [
    {
      id: 'backup_never',
      severity: 'medium',
      titleKey: 'security.backup_never.title',
      whyKey: 'security.backup_never.why',
      fixKey: 'security.backup_never.fix',
      details: {},
    },
    {
      id: 'users_without_2fa',
      severity: 'high',
      titleKey: 'security.users_without_2fa.title',
      whyKey: 'security.users_without_2fa.why',
      fixKey: 'security.users_without_2fa.fix',
      details: { users: ['u-2'] },
    },
  ],
};

function renderScreen(api: ZamokApi) {
  renderWithApi(<SecurityScreen />, api);
}

describe('security check screen', () => {
  it('runs the check and lists findings high first, each with why and fix, linking to the fix', async () => {
    const { api, calls } = scriptedApi({ security: { check: async () => ok(REPORT) } });
    renderScreen(api);
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    expect(await screen.findByText('Serious problems: 1. Start with those.')).toBeTruthy();
    const [high, medium] = screen.getAllByRole('article');
    if (!high || !medium) throw new Error('two findings expected');
    expect(within(high).getByText('High')).toBeTruthy();
    expect(within(high).getByRole('heading').textContent).toMatch(/two-step|2FA|second/i);
    expect(within(medium).getByText('Medium')).toBeTruthy();
    expect(within(high).getByText('Why it matters:', { exact: false })).toBeTruthy();
    fireEvent.click(within(medium).getByRole('button', { name: /Open the section/ }));
    expect(useNavigationStore.getState().section).toBe('backups');
  });

  it('a refused check says why', async () => {
    const { api } = scriptedApi({ security: { check: async () => fail('forbidden') } });
    renderScreen(api);
    fireEvent.click(screen.getByRole('button', { name: 'Check now' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
    expect(screen.queryByRole('article')).toBeNull();
  });
});
