/**
 * Electron main entry (thin): single instance, crash safety, app:// protocol, hardened session and
 * web contents, the Electron-ABI database driver, the upgrade backup gate, IPC → router, one window,
 * vault close/lock on quit, SIGTERM, shutdown, screen lock and suspend, signed auto-update; or, with
 * `--cli`, the zamok command line and no window (cli-mode.ts).
 * Everything else lives in services composed by src-main/app/compose.ts. Never imports
 * src-main/host (the browser test host is not part of the packaged app). No crashReporter and no
 * telemetry: nothing leaves the machine (docs/SECURITY.md).
 */
import { join } from 'node:path';
import {
  app,
  dialog,
  ipcMain,
  Notification,
  powerMonitor,
  session,
  shell,
  type BrowserWindow,
} from 'electron';
import log from 'electron-log/main';
import { createZamokApp, type ZamokApp } from '../app/compose';
import { startScheduler } from '../backup/scheduler';
import { startIdleTimer } from '../app/idle-lock';
import { runCli } from '../cli/run';
import { documentTransfers } from '../crm/documents';
import {
  beforeMigrations,
  createUpdateService,
  UPDATE_PUBLIC_KEY_PEM,
  type BackupOutcome,
  type UpdateService,
} from '../update';
import { bundledMigrationIds, vaultExists } from '../vault';
import { setBackgroundCheckpoints, setNativeBinding } from '../vault/database';
import { loadAppSettings } from './app-settings';
import { createAutomaticBackup } from './auto-backup';
import { cliArguments, runCliMode } from './cli-mode';
import { errorLabel, installCrashHandlers } from './crash';
import { dialogTexts } from './dialogs';
import { createDocumentFiles } from './document-files';
import { registerDocumentFiles } from './document-files-ipc';
import { createImportFiles, registerImportFiles } from './import-files';
import { createExternalLinkGuard } from './external-links';
import { registerIpc } from './ipc';
import { wireVaultLifecycle, wireWindowSessionEnd } from './lifecycle';
import { electronNativeBindingPath, nativeProblemDialog, probeNativeBinding } from './native';
import { RECOVERY_URL, registerAppScheme, serveRenderer } from './protocol';
import { startDesktopAlerts } from './notifications';
import { startDesktopReminders } from './reminders';
import { hardenSession, hardenWebContents } from './security';
import { channelFileFor, createElectronUpdateEngine } from './updater';
import { pendingSinceLastStart, recordStart } from './upgrade-guard';
import { createMainWindow } from './window';

// Built layout: out/main/index.js (+ recovery.html), out/preload/index.cjs, out/renderer/.
const preloadPath = join(import.meta.dirname, '..', 'preload', 'index.cjs');
const rendererDir = join(import.meta.dirname, '..', 'renderer');
const recoveryFile = join(import.meta.dirname, 'recovery.html');

// Log file only (userData/logs): lines carry error classes, codes and ids, never personal data.
log.transports.console.level = false;
log.transports.file.level = 'info';

let mainWindow: BrowserWindow | null = null;
let zamok: ZamokApp | null = null;
let updates: UpdateService | null = null;

function closeVault(): void {
  try {
    zamok?.dispose();
  } catch (err) {
    log.error(`closing the vault failed: ${errorLabel(err)}`);
  }
}

installCrashHandlers(process, {
  log,
  onCrash() {
    closeVault();
    void mainWindow?.loadURL(RECOVERY_URL);
  },
});

registerAppScheme();
app.enableSandbox();
const links = createExternalLinkGuard({ openExternal: url => void shell.openExternal(url) });

/** The upgrade gate: a verified backup before migrations new to this version may run. */
async function upgradeAllowed(backupNow: () => Promise<BackupOutcome>): Promise<boolean> {
  const userData = app.getPath('userData');
  const bundled = bundledMigrationIds();
  const pending = pendingSinceLastStart(userData, bundled, vaultExists(userData));
  const gate = await beforeMigrations(pending, backupNow);
  if (!gate.proceed) {
    const texts = dialogTexts(app.getLocale());
    log.warn(`upgrade blocked: ${pending.length} pending migration(s), backup failed`);
    dialog.showErrorBox(texts.upgradeBlockedTitle, texts.upgradeBlocked(gate.reason));
    return false;
  }
  recordStart(userData, app.getVersion(), bundled);
  return true;
}

function startUpdates(
  feedUrl: string | undefined,
  automaticBackup: () => Promise<BackupOutcome>,
): void {
  // electron-updater works only in a packaged app.
  if (!feedUrl || !app.isPackaged) return;
  const texts = dialogTexts(app.getLocale());
  updates = createUpdateService({
    feedUrl,
    currentVersion: app.getVersion(),
    channelFile: channelFileFor(process.platform),
    publicKey: UPDATE_PUBLIC_KEY_PEM,
    engine: createElectronUpdateEngine(log),
    backupNow: automaticBackup,
    onStatus(status) {
      if (status.state === 'error') log.warn(`update check: ${status.code}`);
      if (status.state === 'ready' && !status.consented && mainWindow) {
        void dialog
          .showMessageBox(mainWindow, {
            type: 'info',
            message: texts.updateReadyMessage(status.version),
            detail: texts.updateReadyDetail,
            buttons: [texts.updateInstallButton, texts.updateLaterButton],
            defaultId: 0,
            cancelId: 1,
          })
          .then(({ response }) => {
            if (response === 0) updates?.consent();
          });
      }
    },
  });
  updates.start();
}

const cliArgs = cliArguments(process.argv);
if (cliArgs) {
  // `Zamok --cli …`: the zamok command line in this process, no window (cli-mode.ts).
  void runCliMode(cliArgs, {
    isPackaged: app.isPackaged,
    resourcesPath: process.resourcesPath,
    appPath: app.getAppPath(),
    run: argv => runCli(argv),
    writeErr: text => void process.stderr.write(text),
    exit: code => app.exit(code),
  });
} else if (!app.requestSingleInstanceLock()) {
  // Two processes on one vault would fight over the database: the second one hands over and quits.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents, links));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(async () => {
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
    // WAL checkpoints (decrypt + re-encrypt every page) run on a worker, never on this thread.
    setBackgroundCheckpoints(true);
    // Composing the app opens nothing; its backup service serves the upgrade gate below.
    zamok = createZamokApp({ vaultDir: app.getPath('userData'), host: 'electron' });
    const automaticBackup = createAutomaticBackup(zamok.backup);
    if (!(await upgradeAllowed(automaticBackup))) {
      app.exit(1);
      return;
    }
    const { settings, problem } = loadAppSettings(app.getPath('userData'));
    if (problem) log.warn(`app-settings.json ${problem}: using defaults`);

    hardenSession(session.defaultSession);
    serveRenderer(rendererDir, recoveryFile);
    registerIpc(zamok.router);
    // Attach / save a copy through native dialogs; paths stay in main (document-files.ts).
    registerDocumentFiles(
      ipcMain,
      createDocumentFiles({
        transfers: documentTransfers,
        locale: () => app.getLocale(),
        saveFolder: () => app.getPath('downloads'),
        dialogs: {
          showOpenDialog: options =>
            mainWindow
              ? dialog.showOpenDialog(mainWindow, options)
              : dialog.showOpenDialog(options),
          showSaveDialog: options =>
            mainWindow
              ? dialog.showSaveDialog(mainWindow, options)
              : dialog.showSaveDialog(options),
        },
      }),
    );
    // The import wizard's file dialog: the path stays in main (import-files.ts).
    registerImportFiles(
      ipcMain,
      createImportFiles({
        transfers: documentTransfers,
        locale: () => app.getLocale(),
        dialogs: {
          showOpenDialog: options =>
            mainWindow
              ? dialog.showOpenDialog(mainWindow, options)
              : dialog.showOpenDialog(options),
        },
      }),
    );
    // New alerts as OS notifications, only for a signed-in user who may see them (counts, no names).
    const state = zamok.state;
    startDesktopAlerts({
      session: () => state.session,
      systemLocale: () => app.getLocale(),
      show: (title, body) => {
        if (Notification.isSupported()) new Notification({ title, body }).show();
      },
    });
    // Task reminders of the signed-in user as OS notifications (a due time, no client data).
    startDesktopReminders({
      session: () => state.session,
      openVault: () => state.openVault(),
      systemLocale: () => app.getLocale(),
      show: (title, body) => {
        if (Notification.isSupported()) new Notification({ title, body }).show();
      },
    });
    // Scheduled backups run while the app is open, signed in or not (catching up a missed run at start).
    const backups = zamok.backup;
    startScheduler({
      runDue: async () => void (await backups.runDue()),
      onError: error =>
        log.warn(`scheduled backup: ${error instanceof Error ? error.name : 'error'}`),
    });

    // The office's auto-lock, enforced here even when the window stopped reporting input.
    startIdleTimer(zamok.idle);
    // Office sync runs while a session is open on a vault that joined an office (app/office-sync.ts).
    zamok.officeSync.enable();

    let installing = false;
    wireVaultLifecycle({
      app,
      powerMonitor,
      process,
      closeVault,
      lock: () => zamok?.auth.lock(),
      beforeQuit() {
        if (installing || !updates?.wantsInstallOnQuit()) return false;
        installing = true;
        closeVault();
        void updates.installOnQuit().then(result => {
          if (!result.installed) {
            dialog.showErrorBox(dialogTexts(app.getLocale()).updateRefusedTitle, result.reason);
            app.quit();
          }
        });
        return true;
      },
    });

    mainWindow = createMainWindow({
      preloadPath,
      devTools: !app.isPackaged,
      contentProtection: settings.privacy.contentProtection,
    });
    wireWindowSessionEnd(mainWindow, closeVault);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
    startUpdates(settings.update.url, automaticBackup);
  });
}
