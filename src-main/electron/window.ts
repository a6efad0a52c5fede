/**
 * The main window: sandboxed renderer, context isolation, no Node, our preload only.
 */
import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from './protocol';

/**
 * Creates and loads the main window; it is shown once the first paint is ready. With
 * `contentProtection` (setting privacy.contentProtection, default on) the window is excluded from
 * screenshots and screen sharing where the OS supports it (Windows, macOS; no effect on Linux):
 * every screen of a CRM shows client data.
 */
export function createMainWindow(opts: {
  preloadPath: string;
  devTools: boolean;
  contentProtection: boolean;
}): BrowserWindow {
  const window = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 900,
    minHeight: 600,
    show: false,
    title: 'Zamok',
    webPreferences: {
      preload: opts.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      // Middle-click would otherwise open links through a path that skips the window-open handler.
      disableBlinkFeatures: 'Auxclick',
      devTools: opts.devTools,
    },
  });
  if (opts.contentProtection) window.setContentProtection(true);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(APP_ENTRY_URL);
  return window;
}
