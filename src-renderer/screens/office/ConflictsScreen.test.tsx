// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import type { SyncConflictView } from '../../../src-shared/ipc/sync';
import { ok, OWNER } from '../../app/test-support';
import { scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { ConflictsScreen } from './ConflictsScreen';

setUpScreenTests(OWNER);

const CONFLICT: SyncConflictView = {
  changeId: 'c-1',
  table: 'deals',
  recordId: 'deal-123456789',
  field: 'stage_id',
  mine: 'stage-won',
  theirs: 'stage-proposal',
  deviceId: 'device-abcdefgh',
  createdAt: '2026-12-06T10:00:00.000Z',
};

describe('sync conflicts screen', () => {
  it('lists mine and theirs and sends the chosen value, then shows the list again', async () => {
    const asked: unknown[] = [];
    let open = [CONFLICT];
    const { api } = scriptedApi({
      sync: {
        conflicts: async () => ok(open),
        resolve: async input => {
          asked.push(input);
          open = [];
          return ok({ written: true });
        },
      },
    });
    renderWithApi(<ConflictsScreen />, api);
    const table = await screen.findByTestId('sync-conflicts');
    expect(table.textContent).toContain('Deal');
    expect(table.textContent).toContain('Stage');
    expect(table.textContent).toContain('stage-won');
    expect(table.textContent).toContain('stage-proposal');
    fireEvent.click(screen.getByRole('button', { name: 'Keep theirs' }));
    await waitFor(() => expect(screen.getByText('No conflicts.')).toBeTruthy());
    expect(asked).toEqual([{ changeId: 'c-1', field: 'stage_id', keep: 'theirs' }]);
    expect(screen.getByRole('status').textContent).toBe('Conflict resolved.');
  });
});
