/**
 * The office settings as the renderer uses them (header name, deal currency default, first day of
 * the week): from the signed-in status, defaults before it arrives. Changing them is
 * ../screens/settings/OfficeSettingsPanel.tsx; the main process checks and audits.
 */
import { DEFAULT_OFFICE_SETTINGS, type OfficeSettings } from '../../src-shared/settings/office';
import { useSessionStore } from '../stores/session';

/** The current office settings (defaults when the status has none). */
export function useOfficeSettings(): OfficeSettings {
  return useSessionStore(state => state.status?.office ?? DEFAULT_OFFICE_SETTINGS);
}

/** Puts changed settings into the session's status (the idle lock follows the new minutes). */
export function applyOfficeSettings(office: OfficeSettings): void {
  useSessionStore.setState(state =>
    state.status
      ? { status: { ...state.status, office, autoLockMinutes: office.autoLockMinutes } }
      : {},
  );
}
