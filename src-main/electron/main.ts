/**
 * Electron main entry (thin): single instance, app:// protocol, hardened session and web contents,
 * IPC → router, one window. Everything else lives in services composed by src-main/app/compose.ts.
 * Never imports src-main/host (the browser test host is not part of the packaged app).
 */
import { join } from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { createZamokApp, type ZamokApp } from '../app/compose';
import { setNativeBinding } from '../vault/database';
import { registerIpc } from './ipc';
import { electronNativeBindingPath, nativeProblemDialog, probeNativeBinding } from './native';
import { registerAppScheme, serveRenderer } from './protocol';
import { hardenSession, hardenWebContents } from './security';
import { createMainWindow } from './window';

// Built layout: out/main/index.js, out/preload/index.cjs, out/renderer/.
const preloadPath = join(import.meta.dirname, '..', 'preload', 'index.cjs');
const rendererDir = join(import.meta.dirname, '..', 'renderer');
const recoveryFile = join(import.meta.dirname, 'recovery.html');

let mainWindow: BrowserWindow | null = null;
let zamok: ZamokApp | null = null;

registerAppScheme();
app.enableSandbox();

if (!app.requestSingleInstanceLock()) {
  // Two processes on one vault would fight over the database: the second one hands over and quits.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => {
    zamok?.dispose();
    zamok = null;
  });

  void app.whenReady().then(() => {
    // The SQLCipher driver must be the Electron-ABI build: check it before any window or vault.
    const binding = electronNativeBindingPath({
      isPackaged: app.isPackaged,
      resourcesPath: process.resourcesPath,
      appPath: app.getAppPath(),
    });
    const probe = probeNativeBinding(binding);
    if (!probe.ok) {
      const { title, body } = nativeProblemDialog(probe, app.isPackaged);
      dialog.showErrorBox(title, body);
      app.exit(1);
      return;
    }
    setNativeBinding(binding);
    hardenSession(session.defaultSession);
    serveRenderer(rendererDir, recoveryFile);
    zamok = createZamokApp({ vaultDir: app.getPath('userData'), host: 'electron' });
    registerIpc(zamok.router);
    mainWindow = createMainWindow({ preloadPath, devTools: !app.isPackaged });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}
