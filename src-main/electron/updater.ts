/**
 * electron-updater behind `UpdateEngine` (thin; the workflow and its tests are in src-main/update).
 * electron-updater never downloads or installs on its own here: the service asks it to, after the
 * signed manifest verified. Only typechecked (Electron cannot run on the build machines).
 */
import electronUpdater from 'electron-updater';
import type { EngineRelease, UpdateEngine } from '../update';

/** electron-builder's manifest name for this OS. */
export function channelFileFor(platform: NodeJS.Platform): string {
  if (platform === 'darwin') return 'latest-mac.yml';
  if (platform === 'win32') return 'latest.yml';
  return 'latest-linux.yml';
}

/** The engine over electron-updater's `autoUpdater`, logging through `logger` (file only). */
export function createElectronUpdateEngine(logger: {
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}): UpdateEngine {
  const { autoUpdater } = electronUpdater;
  autoUpdater.autoDownload = false;
  autoUpdater.autoInstallOnAppQuit = false;
  autoUpdater.allowDowngrade = false;
  autoUpdater.allowPrerelease = false;
  autoUpdater.logger = logger;
  return {
    setFeedUrl(url) {
      autoUpdater.setFeedURL({ provider: 'generic', url });
    },
    async check(): Promise<EngineRelease | null> {
      const result = await autoUpdater.checkForUpdates();
      if (!result?.isUpdateAvailable) return null;
      const info = result.updateInfo;
      return {
        version: info.version,
        files: info.files.map(f => ({ url: f.url, sha512: f.sha512 })),
      };
    },
    async download() {
      await autoUpdater.downloadUpdate();
    },
    quitAndInstall() {
      autoUpdater.quitAndInstall(false, true);
    },
  };
}
