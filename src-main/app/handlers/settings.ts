/** Handlers of the `settings` channels: the office settings and the idle clock's touch. */
import type { settingsContract } from '../../../src-shared/ipc/settings';
import type { Handlers } from '../../ipc';
import { readOfficeSettings, updateOfficeSettings } from '../../settings/office-settings';
import type { IdleLock } from '../idle-lock';
import { recordSettings, requireVault, type VaultSource } from './kit';

/** What the settings handlers need from the app. */
export interface SettingsHandlerDeps extends VaultSource {
  idle: Pick<IdleLock, 'deadline'>;
}

/** The `settings` feature's handlers for the router. */
export function settingsHandlers(
  deps: SettingsHandlerDeps,
): Handlers<{ settings: typeof settingsContract }>['settings'] {
  return {
    office: () => readOfficeSettings(requireVault(deps).db),
    updateOffice: async (ctx, input) => {
      const { before, after } = await updateOfficeSettings(requireVault(deps).db, input);
      recordSettings(ctx, 'office', input, before, after);
      return after;
    },
    // The idle lock's wrapper has restarted the clock before this runs.
    touch: async () => {
      requireVault(deps);
      return { idleLockAt: (await deps.idle.deadline()) ?? 0 };
    },
  };
}
