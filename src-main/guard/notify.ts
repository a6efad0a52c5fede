/**
 * OS notifications of new alerts, without Electron here: the Electron glue passes a `show` function
 * (`(title, body) => new Notification({ title, body }).show()`). Texts come from the guard catalogue
 * and carry only counts and ids — never client data. Data alerts are announced only when the
 * signed-in user may see them (`canSeeData`), so the administrator's desktop never shows one.
 */
import { guardMessage } from '../../src-shared/guard/messages';
import type { AlertView } from '../../src-shared/ipc/alerts';
import { onAlertRaised } from './engine';

/** What the notifier needs. */
export interface AlertNotifierOptions {
  show(title: string, body: string): void;
  /** 'uk' or 'en' (the app's current language). */
  locale(): string;
  /** Whether anyone is signed in who may see this alert (null: nobody signed in → not shown). */
  canSee(alert: AlertView): boolean;
}

/** Starts announcing newly raised alerts; returns the function that stops it. */
export function startAlertNotifier(o: AlertNotifierOptions): () => void {
  return onAlertRaised(alert => {
    if (!o.canSee(alert)) return;
    const locale = o.locale();
    o.show(
      guardMessage(locale, `alerts.${alert.rule}.title`, alert.details),
      guardMessage(locale, `alerts.${alert.rule}.body`, alert.details),
    );
  });
}
