/**
 * The `office_audit_broken` rule: an audit reader (owner, auditor) found another laptop's audit
 * chain broken as it arrived through the office (src-main/sync/audit-breaks.ts writes one
 * `sync.office_audit_broken` entry per device and break). The alert names the device by its short
 * office id and counts what broke (entries edited, entries missing): no personal data.
 */
import { OFFICE_AUDIT_BROKEN_ACTION } from '../../src-shared/office/audit';
import { numberOf } from './rule-helpers';
import type { Rule } from './rule-types';

const DAY = 86_400_000;

/** One alert per recorded break (the entry is written once per device and break). */
export const officeAuditBroken: Rule = ({ entry }) => {
  if (entry.action !== OFFICE_AUDIT_BROKEN_ACTION) return [];
  const deviceId = entry.entityId ?? '';
  const afterSeq = numberOf(entry.details?.afterSeq) ?? 0;
  return [
    {
      rule: 'office_audit_broken',
      userId: null,
      entityType: 'office_device',
      entityId: deviceId,
      dedupeId: `${deviceId}@${afterSeq}`,
      details: {
        device: deviceId.slice(0, 8),
        deviceId,
        afterSeq,
        edited: numberOf(entry.details?.edited) ?? 0,
        missing: numberOf(entry.details?.missing) ?? 0,
      },
      windowMs: DAY,
    },
  ];
};
