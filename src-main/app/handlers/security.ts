/**
 * Handler of `security.check` (owner and administrator). The check reads accounts, key slots, the
 * audit chain, backups and the machine; it is audited with the number of findings per severity.
 */
import type { securityContract } from '../../../src-shared/ipc/security';
import { appVersion } from '../../backup/files';
import { runSecurityCheck, type SecurityCheckDeps } from '../../guard/check';
import type { Handlers } from '../../ipc';
import type { OpenVault } from '../../vault';
import { requireVault } from './kit';

/** What the security handler needs from the app. */
export interface SecurityHandlerDeps extends Partial<Omit<SecurityCheckDeps, 'appVersion'>> {
  openVault(): OpenVault | null;
  /** The running version (default: package.json's). */
  appVersion?: () => string;
}

/** The `security` feature's handlers for the router. */
export function securityHandlers(
  deps: SecurityHandlerDeps,
): Handlers<{ security: typeof securityContract }>['security'] {
  return {
    check: async ctx => {
      const vault = requireVault(deps);
      const { openVault: _open, appVersion: version = appVersion, ...rest } = deps;
      const report = await runSecurityCheck(vault, { ...rest, appVersion: version() });
      const count = (s: string) => report.findings.filter(f => f.severity === s).length;
      ctx.audit.details = {
        high: count('high'),
        medium: count('medium'),
        low: count('low'),
        findings: report.findings.filter(f => f.severity !== 'info').map(f => f.id),
      };
      return report;
    },
  };
}
