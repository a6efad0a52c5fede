/**
 * The SQLCipher driver for Electron. npm builds better-sqlite3 for Node's ABI (tests, CLI); Electron
 * needs a build for its own ABI, made by `npm run build:native-electron` into `native/electron/`
 * and shipped as an extra resource. Electron main probes it before anything else: a missing or
 * mismatched addon becomes a clear error dialog, not a windowless crash at first unlock.
 * No Electron import: paths come from the caller, so this runs under plain Node in tests.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';

/** The npm script that builds the Electron-ABI addon. */
export const NATIVE_FIX_COMMAND = 'npm run build:native-electron';

/** Where the Electron-ABI addon lives, relative to resources (packaged) or the repo (npm start). */
export const NATIVE_ELECTRON_RELATIVE = join('native', 'electron', 'better_sqlite3.node');

/** Where Electron main finds the addon: inside resources when packaged, in the repo otherwise. */
export function electronNativeBindingPath(opts: {
  isPackaged: boolean;
  resourcesPath: string;
  appPath: string;
}): string {
  return join(opts.isPackaged ? opts.resourcesPath : opts.appPath, NATIVE_ELECTRON_RELATIVE);
}

/** Why the addon cannot be used. */
export const NATIVE_PROBLEMS = ['missing', 'abi_mismatch', 'unloadable'] as const;
/** One of `NATIVE_PROBLEMS`. */
export type NativeProblem = (typeof NATIVE_PROBLEMS)[number];

/** Outcome of `probeNativeBinding`. */
export type NativeProbe = { ok: true } | { ok: false; problem: NativeProblem; detail: string };

/** Sorts a load error: a Node/Electron ABI mismatch names NODE_MODULE_VERSION. */
export function classifyLoadError(err: unknown): NativeProblem {
  const message = err instanceof Error ? err.message : String(err);
  if (/NODE_MODULE_VERSION|was compiled against a different Node\.js version/.test(message)) {
    return 'abi_mismatch';
  }
  if (/Cannot find module|ENOENT|No such file/i.test(message)) return 'missing';
  return 'unloadable';
}

/**
 * Loads the addon at `bindingPath` (undefined: the default Node build) by opening an in-memory
 * database, and runs one statement. Never throws.
 */
export function probeNativeBinding(bindingPath: string | undefined): NativeProbe {
  if (bindingPath !== undefined && !existsSync(bindingPath)) {
    return { ok: false, problem: 'missing', detail: `${bindingPath} does not exist.` };
  }
  try {
    const db = new Database(':memory:', bindingPath ? { nativeBinding: bindingPath } : {});
    try {
      db.prepare('SELECT 1').get();
    } finally {
      db.close();
    }
    return { ok: true };
  } catch (err) {
    const detail = err instanceof Error ? (err.message.split('\n')[0] ?? '') : String(err);
    return { ok: false, problem: classifyLoadError(err), detail };
  }
}

/** Title and body for `dialog.showErrorBox`, naming the fix. No personal data: only paths. */
export function nativeProblemDialog(
  probe: Extract<NativeProbe, { ok: false }>,
  isPackaged: boolean,
): { title: string; body: string } {
  const what =
    probe.problem === 'missing'
      ? 'The encrypted database driver built for Electron is missing.'
      : probe.problem === 'abi_mismatch'
        ? 'The encrypted database driver was built for a different Electron or Node.js version.'
        : 'The encrypted database driver could not be loaded.';
  const fix = isPackaged
    ? 'This installation is damaged: reinstall Zamok from the official installer.'
    : `Fix: run \`${NATIVE_FIX_COMMAND}\` in the Zamok folder (needs internet once), then start again.`;
  return { title: 'Zamok cannot start', body: `${what}\n\n${fix}\n\nDetails: ${probe.detail}` };
}
