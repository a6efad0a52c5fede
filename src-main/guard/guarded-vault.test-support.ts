/**
 * Test support for the guard (never imported by app code): a real vault with the rules installed,
 * scripted audit entries at chosen times, and the alerts they raised.
 */
import type { AlertView } from '../../src-shared/ipc/alerts';
import { appendAudit, type AuditInput } from '../audit';
import type { OpenVault } from '../vault';
import { createTestVault } from '../vault/temp-vault.test-support';
import { installAlertRules } from './engine';
import { writeGuardSettings } from './settings';
import { listAlerts } from './store';

/** The machine addresses the rules see in tests (change `addresses` to move "the laptop"). */
export const testEnv = { addresses: ['192.168.1.20'] };

/** A day far enough ahead that every scripted entry comes after the vault's own entries. */
export function scriptDay(offsetDays = 0): number {
  const start = new Date();
  start.setUTCHours(0, 0, 0, 0);
  return start.getTime() + (2 + offsetDays) * 86_400_000;
}

/** `HH:MM` UTC on a script day, as a Date. */
export function at(day: number, hhmm: string, plusSeconds = 0): Date {
  const [h, m] = hhmm.split(':').map(Number);
  return new Date(day + ((h ?? 0) * 60 + (m ?? 0)) * 60_000 + plusSeconds * 1000);
}

/** A vault with the rules watching it, office hours 08:00–20:00 Kyiv and the office network. */
export async function guardedVault(): Promise<{
  vault: OpenVault;
  write(input: AuditInput, when: Date): void;
  alerts(): AlertView[];
}> {
  installAlertRules({ localAddresses: () => testEnv.addresses });
  testEnv.addresses = ['192.168.1.20'];
  const { vault } = await createTestVault();
  writeGuardSettings(vault.sqlite, {
    allowedHours: { start: '08:00', end: '20:00', timeZone: 'Europe/Kyiv' },
    allowedNetworks: ['192.168.1.0/24'],
  });
  return {
    vault,
    write: (input, when) => void appendAudit(vault, input, when),
    alerts: () =>
      listAlerts(vault.sqlite, { includeData: true, unreadOnly: false, limit: 200 }).items,
  };
}
