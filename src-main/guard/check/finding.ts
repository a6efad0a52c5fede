/** Building findings: message keys follow `security.<id>.title|why|fix` (src-shared/guard/messages.ts). */
import type {
  FindingDetail,
  FindingId,
  FindingSeverity,
  SecurityFinding,
} from '../../../src-shared/ipc/security';

/** A finding with the standard keys; `fixVariant` picks `security.<id>.fix_<variant>`. */
export function finding(
  id: FindingId,
  severity: FindingSeverity,
  details: Record<string, FindingDetail>,
  fixVariant?: string,
): SecurityFinding {
  return {
    id,
    severity,
    titleKey: `security.${id}.title`,
    whyKey: `security.${id}.why`,
    fixKey: fixVariant ? `security.${id}.fix_${fixVariant}` : `security.${id}.fix`,
    details,
  };
}

/** Days between two instants. */
export function daysBetween(fromIso: string, to: Date): number {
  return (to.getTime() - Date.parse(fromIso)) / 86_400_000;
}
