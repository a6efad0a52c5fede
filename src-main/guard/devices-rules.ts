/**
 * Alert rules of the allowed-devices check: a sign-in refused after correct credentials, written
 * by ./devices-access.ts as `auth.sign_in` / denied with `details.reason`. Medium severity, ids only.
 */
import type { AlertRule } from '../../src-shared/ipc/alerts';
import type { Rule } from './rule-types';

const HOUR = 3_600_000;

function refusedFor(reason: 'device_not_approved' | 'network_not_allowed'): Rule {
  const rule: AlertRule = reason === 'device_not_approved' ? 'device_refused' : 'network_refused';
  return ({ entry }) => {
    if (entry.action !== 'auth.sign_in' || entry.outcome !== 'denied') return [];
    if (entry.details?.reason !== reason) return [];
    return [
      {
        rule,
        userId: entry.userId,
        entityType: entry.deviceId === null ? null : 'device',
        entityId: entry.deviceId,
        details: { deviceId: entry.deviceId },
        windowMs: HOUR,
      },
    ];
  };
}
/** A sign-in refused on a computer the owner has not approved. */
export const deviceRefused: Rule = refusedFor('device_not_approved');
/** A sign-in refused outside the allowed networks. */
export const networkRefused: Rule = refusedFor('network_not_allowed');
