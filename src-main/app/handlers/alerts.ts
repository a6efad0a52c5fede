/**
 * Handlers of the `alerts` channels. The router has checked `alerts.read`; alerts about client data
 * (mass export, mass delete) are shown only to callers who also hold `audit.read` (the owner), so the
 * administrator sees accounts, settings, backups and vault alerts only. An alert the caller may not
 * see answers `not_found`, exactly like one that does not exist.
 */
import type { AlertSettings, alertsContract } from '../../../src-shared/ipc/alerts';
import { appVersion } from '../../backup/files';
import {
  readGuardSettings,
  securityCheckDue,
  writeGuardSettings,
  type GuardSettings,
} from '../../guard/settings';
import { decideExportRequest, requestView } from '../../guard/approvals';
import { acknowledgeAlert, getAlert, listAlerts } from '../../guard/store';
import { CallFailure, requireSession, type HandlerContext, type Handlers } from '../../ipc';
import type { OpenVault } from '../../vault';
import { recordSettings, requireVault, target } from './kit';

/** What the alert handlers need from the app. */
export interface AlertHandlerDeps {
  openVault(): OpenVault | null;
  now(): Date;
  /** The running version (the reminder is due again after an update). */
  appVersion?: () => string;
}

/** The editable part of the stored settings (the check's bookkeeping stays inside). */
function settingsView(settings: GuardSettings): AlertSettings {
  const { lastCheckAt: _at, lastCheckVersion: _version, ...editable } = settings;
  return editable;
}

/** Alerts about client data are for `audit.read` holders (the channel declares that grant). */
function seesDataAlerts(ctx: HandlerContext<'audit.read'>): boolean {
  return ctx.grants['audit.read'] !== undefined;
}

/** The `alerts` feature's handlers for the router. */
export function alertsHandlers(
  deps: AlertHandlerDeps,
): Handlers<{ alerts: typeof alertsContract }>['alerts'] {
  const vault = () => requireVault(deps);
  /** The owner's decision on a waiting export; its alert is marked read in the same transaction. */
  function decide(ctx: HandlerContext, requestId: string, decision: 'approved' | 'denied') {
    const { sqlite } = vault();
    const session = requireSession(ctx);
    target(ctx, 'export_request', requestId);
    const r = decideExportRequest(sqlite, requestId, decision, session.userId, deps.now());
    ctx.audit.changes = { decision: { before: null, after: decision } };
    ctx.audit.details = { requesterId: r.userId, count: r.count, format: r.format };
    return requestView(r);
  }

  return {
    approveExport: (ctx, input) => decide(ctx, input.requestId, 'approved'),
    denyExport: (ctx, input) => decide(ctx, input.requestId, 'denied'),
    settings: () => settingsView(readGuardSettings(vault().sqlite)),
    updateSettings: (ctx, input) => {
      const { sqlite } = vault();
      const before = settingsView(readGuardSettings(sqlite));
      const after = settingsView(writeGuardSettings(sqlite, input));
      recordSettings(ctx, 'guard', input, before, after);
      return after;
    },
    list: (ctx, input) => {
      const { sqlite } = vault();
      const page = listAlerts(sqlite, { includeData: seesDataAlerts(ctx), ...input });
      const settings = readGuardSettings(sqlite);
      const version = (deps.appVersion ?? appVersion)();
      return { ...page, securityCheckDue: securityCheckDue(settings, deps.now(), version) };
    },
    acknowledge: (ctx, input) => {
      const { sqlite } = vault();
      const session = requireSession(ctx);
      target(ctx, 'alert', input.id);
      const alert = getAlert(sqlite, input.id);
      if (!alert || (alert.data && !seesDataAlerts(ctx))) {
        throw new CallFailure('not_found', 'There is no such alert.');
      }
      const acked = acknowledgeAlert(sqlite, input.id, session.userId, deps.now().toISOString());
      if (!acked) throw new CallFailure('not_found', 'There is no such alert.');
      ctx.audit.details = { rule: acked.rule };
      return acked;
    },
  };
}
