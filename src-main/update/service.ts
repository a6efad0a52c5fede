/**
 * The update workflow, in plain TypeScript (Electron's autoUpdater sits behind `UpdateEngine`,
 * src-main/electron/updater.ts): check on start and daily; fetch the channel manifest and its
 * Ed25519 signature over HTTPS and verify them; only then let the engine fetch the same release
 * (its manifest must list the same version and SHA-512s, which the engine checks the download
 * against) and download in the background; install on quit only after the user agreed and an
 * automatic verified backup succeeded.
 */
import { runBackupGate, type BackupNow } from './backup-gate';
import { UpdateError, isUpdateError, type UpdateErrorCode } from './errors';
import { fetchHttps, httpsUrl, type HttpsOptions } from './https';
import { channelOf, compareVersions, verifyManifest, type VerifiedManifest } from './manifest';

/** What the engine (electron-updater) saw in the release it would download. */
export interface EngineRelease {
  version: string;
  files: { url: string; sha512: string }[];
}

/** The Electron side: electron-updater with autoDownload and autoInstallOnAppQuit off. */
export interface UpdateEngine {
  setFeedUrl(url: string): void;
  /** Fetches the manifest itself; null when it sees no newer release. */
  check(): Promise<EngineRelease | null>;
  download(): Promise<void>;
  /** Quits the app and runs the downloaded installer. */
  quitAndInstall(): void;
}

/** Where the service is; the UI shows it, the security check reads `lastError`. */
export type UpdateStatus =
  | { state: 'disabled' }
  | { state: 'idle' }
  | { state: 'checking' }
  | { state: 'up_to_date'; checkedAt: string }
  | { state: 'downloading'; version: string }
  | { state: 'ready'; version: string; consented: boolean }
  | { state: 'installing'; version: string }
  | { state: 'install_refused'; version: string; reason: string }
  | { state: 'error'; code: UpdateErrorCode; message: string };

/** Everything the service needs. */
export interface UpdateServiceOptions {
  /** The `update.url` setting (an https:// folder); undefined turns updates off. */
  feedUrl: string | undefined;
  currentVersion: string;
  /** electron-builder's manifest name for this OS: latest.yml, latest-linux.yml, latest-mac.yml. */
  channelFile: string;
  /** PEM of the release Ed25519 public key (public-key.ts). */
  publicKey: string;
  engine: UpdateEngine;
  backupNow: BackupNow;
  https?: HttpsOptions;
  /** Defaults to `fetchHttps`. */
  fetch?: (url: string, opts: HttpsOptions) => Promise<Buffer | null>;
  intervalMs?: number;
  timers?: {
    setInterval(fn: () => void, ms: number): unknown;
    clearInterval(handle: unknown): void;
  };
  now?: () => Date;
  onStatus?: (status: UpdateStatus) => void;
}

/** The update service. */
export interface UpdateService {
  /** Checks now and then every `intervalMs` (a day). No-op when no feed URL is set. */
  start(): void;
  stop(): void;
  /** One check: verify, then download in the background. Resolves to the resulting status. */
  check(): Promise<UpdateStatus>;
  /** The user agreed to install the downloaded update when Zamok quits. */
  consent(): boolean;
  /** True when quitting should go through `installOnQuit` (ready and agreed). */
  wantsInstallOnQuit(): boolean;
  /** Backs up, then installs; refuses (and says why) when the backup fails. */
  installOnQuit(): Promise<{ installed: true } | { installed: false; reason: string }>;
  status(): UpdateStatus;
}

/** One day. */
export const DAILY_MS = 24 * 60 * 60 * 1000;

/** The folder URL with a trailing slash, so relative file names resolve inside it. */
function folderOf(url: string): URL {
  const parsed = httpsUrl(url);
  if (!parsed.pathname.endsWith('/')) parsed.pathname = `${parsed.pathname}/`;
  parsed.search = '';
  parsed.hash = '';
  return parsed;
}

/** Same release: same version and, for every file, the same SHA-512 as the signed manifest. */
function sameRelease(signed: VerifiedManifest, seen: EngineRelease): boolean {
  if (seen.version !== signed.version || seen.files.length === 0) return false;
  const signedShas = new Map(signed.files.map(f => [f.url, f.sha512]));
  return seen.files.every(f => signedShas.get(f.url) === f.sha512);
}

/** Creates the service; nothing happens until `start()` or `check()`. */
export function createUpdateService(o: UpdateServiceOptions): UpdateService {
  const fetch = o.fetch ?? fetchHttps;
  const timers = o.timers ?? {
    setInterval: (fn: () => void, ms: number) => setInterval(fn, ms),
    clearInterval: (h: unknown) => clearInterval(h as ReturnType<typeof setInterval>),
  };
  const now = o.now ?? (() => new Date());
  let status: UpdateStatus = o.feedUrl ? { state: 'idle' } : { state: 'disabled' };
  let running: Promise<UpdateStatus> | null = null;
  let timer: unknown = null;
  let feedSet = false;

  function set(next: UpdateStatus): UpdateStatus {
    status = next;
    o.onStatus?.(next);
    return next;
  }

  async function verifiedManifest(feed: URL): Promise<VerifiedManifest> {
    const manifestUrl = new URL(o.channelFile, feed).href;
    const body = await fetch(manifestUrl, o.https ?? {});
    if (body === null) throw new UpdateError('http_status', 'The update server has no manifest.');
    const signature = await fetch(`${manifestUrl}.sig`, o.https ?? {});
    return verifyManifest(body, signature, o.publicKey, {
      channel: channelOf(o.channelFile),
      now: now(),
    });
  }

  async function runCheck(): Promise<UpdateStatus> {
    if (!o.feedUrl) return set({ state: 'disabled' });
    // Never start over a downloaded or installing update.
    if (status.state === 'ready' || status.state === 'installing') return status;
    set({ state: 'checking' });
    try {
      const feed = folderOf(o.feedUrl);
      const signed = await verifiedManifest(feed);
      // An older or equal signed manifest (a replayed old release) is not an update.
      if (compareVersions(signed.version, o.currentVersion) <= 0) {
        return set({ state: 'up_to_date', checkedAt: now().toISOString() });
      }
      if (!feedSet) {
        o.engine.setFeedUrl(feed.href);
        feedSet = true;
      }
      const seen = await o.engine.check();
      if (!seen || !sameRelease(signed, seen)) {
        throw new UpdateError(
          'manifest_mismatch',
          'The release the updater sees differs from the signed manifest.',
        );
      }
      set({ state: 'downloading', version: signed.version });
      try {
        await o.engine.download();
      } catch (err) {
        throw new UpdateError('download_failed', 'The update could not be downloaded.', {
          cause: err,
        });
      }
      return set({ state: 'ready', version: signed.version, consented: false });
    } catch (err) {
      const e = isUpdateError(err)
        ? err
        : new UpdateError('network', 'The update check failed.', { cause: err });
      return set({ state: 'error', code: e.code, message: e.message });
    }
  }

  return {
    start() {
      if (!o.feedUrl || timer !== null) return;
      void this.check();
      timer = timers.setInterval(() => void this.check(), o.intervalMs ?? DAILY_MS);
    },
    stop() {
      if (timer !== null) timers.clearInterval(timer);
      timer = null;
    },
    check() {
      running ??= runCheck().finally(() => {
        running = null;
      });
      return running;
    },
    consent() {
      if (status.state !== 'ready') return false;
      set({ ...status, consented: true });
      return true;
    },
    wantsInstallOnQuit() {
      return status.state === 'ready' && status.consented;
    },
    async installOnQuit() {
      if (status.state !== 'ready' || !status.consented) {
        return { installed: false, reason: 'No agreed update is waiting.' };
      }
      const version = status.version;
      set({ state: 'installing', version });
      const gate = await runBackupGate(o.backupNow);
      if (!gate.proceed) {
        const reason = `The update to ${version} was not installed: ${gate.reason}`;
        set({ state: 'install_refused', version, reason });
        return { installed: false, reason };
      }
      o.engine.quitAndInstall();
      return { installed: true };
    },
    status() {
      return status;
    },
  };
}
