// @vitest-environment jsdom
/** The settings' way into office sync: a vault that does not sync has no header badge to click. */
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OWNER } from '../../app/test-support';
import { scriptedApi } from '../../test-support/scripted-api';
import { renderWithApi, setUpScreenTests } from '../../test-support/render';
import { useNavigationStore } from '../../stores/navigation';
import { OfficeSyncLink } from './OfficeSyncLink';
import { useOfficeView } from './store';

setUpScreenTests(OWNER);

describe('OfficeSyncLink', () => {
  it('opens the sync panel of the office section', () => {
    const { api } = scriptedApi({});
    renderWithApi(<OfficeSyncLink />, api);
    expect(screen.getByRole('heading', { name: 'Office sync' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Open office sync' }));
    expect(useNavigationStore.getState().section).toBe('office');
    expect(useOfficeView.getState().page).toBe('settings');
  });
});
