/**
 * Deny-by-default rules for every web contents and the session: no navigation off the app, no new
 * windows, no webviews, no permission grants (camera, notifications, geolocation, …).
 */
import type { Session, WebContents } from 'electron';
import { APP_ORIGIN } from '../ipc';
import type { ExternalLinkGuard } from './external-links';

/** True only for URLs of our own renderer (`app://zamok/…`). */
export function isAppUrl(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** Refuses every permission request and check (the CRM needs none). */
export function hardenSession(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}

/**
 * Applied to every web contents as it is created (windows, and any webview an attack might add).
 * With `links`, a window-open request for an http(s) link the user just clicked goes to the system
 * browser (still denied as a window); without it every request is simply denied.
 */
export function hardenWebContents(contents: WebContents, links?: ExternalLinkGuard): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', event => event.preventDefault());
  if (links) contents.on('input-event', (_event, input) => links.noteInput(input.type));
  contents.setWindowOpenHandler(details => {
    links?.open(details.url);
    return { action: 'deny' };
  });
}
