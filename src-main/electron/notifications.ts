/**
 * OS notifications of new alerts in the Electron app: wires the guard's notifier
 * (src-main/guard/notify.ts) to whoever is signed in. An alert is shown only when the signed-in
 * user could see it in the alert centre (`alerts.read`; alerts about client data also need
 * `audit.read`), so a locked app or a manager's desktop never shows one. Texts carry counts and ids,
 * never client data. Electron-free: main.ts passes `show` (new Notification({ title, body }).show()).
 */
import type { AlertView } from '../../src-shared/ipc/alerts';
import { grantOf } from '../../src-shared/roles';
import { startAlertNotifier } from '../guard/notify';
import type { Session } from '../ipc';

/** True when `session` may see `alert` in the alert centre (the rule of src-main/app/handlers/alerts.ts). */
export function sessionSeesAlert(session: Session | null, alert: AlertView): boolean {
  if (!session || session.restricted !== undefined) return false;
  if (grantOf(session.grants, 'alerts.read') === undefined) return false;
  return !alert.data || grantOf(session.grants, 'audit.read') !== undefined;
}

/** The notification language: Ukrainian on a Ukrainian system, else English. */
export function notificationLocale(systemLocale: string): 'uk' | 'en' {
  return /^uk\b/i.test(systemLocale) ? 'uk' : 'en';
}

/** Starts showing OS notifications for newly raised alerts; returns the function that stops it. */
export function startDesktopAlerts(o: {
  session(): Session | null;
  systemLocale(): string;
  show(title: string, body: string): void;
}): () => void {
  return startAlertNotifier({
    show: o.show,
    locale: () => notificationLocale(o.systemLocale()),
    canSee: alert => sessionSeesAlert(o.session(), alert),
  });
}
