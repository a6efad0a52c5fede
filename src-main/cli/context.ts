/**
 * Runs a CLI command against a composed app (the same router and services as the desktop app), then
 * disposes of it: the vault is closed and key buffers wiped whatever happens.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { createZamokApp, type ZamokApp } from '../app/compose';
import { createKeychainStore, createNoKeychainStore } from '../vault';
import { CliExit, EXIT, readPassword, unwrap } from './io';

/** Options every command accepts. */
export interface GlobalOptions {
  vault?: string;
  json?: boolean;
  debug?: boolean;
  passwordStdin?: boolean;
}

/** The desktop app's default vault folder, used when `--vault` is not given. */
export function defaultVaultDir(): string {
  if (process.platform === 'win32') {
    return join(process.env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Zamok', 'vault');
  }
  if (process.platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', 'Zamok', 'vault');
  }
  return join(process.env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Zamok', 'vault');
}

/** Calls `fn` with an app for `--vault`, disposing of it afterwards. */
export async function withApp<T>(
  g: GlobalOptions,
  fn: (app: ZamokApp, call: (channel: string, input: unknown) => Promise<unknown>) => Promise<T>,
  o: { deviceBinding?: boolean } = {},
): Promise<T> {
  const vaultDir = resolve(g.vault ?? defaultVaultDir());
  const app = createZamokApp({
    vaultDir,
    host: 'cli',
    deviceStore: o.deviceBinding === false ? createNoKeychainStore() : createKeychainStore(),
  });
  const call = async (channel: string, input: unknown) =>
    unwrap(await app.router.call(channel, input, { host: 'cli' }));
  try {
    return await fn(app, call);
  } finally {
    app.dispose();
  }
}

/**
 * Signs in as `--login` with `--totp` and the password from ZAMOK_PASSWORD/--password-stdin, or the
 * `password` the command already read (standard input can be read only once).
 */
export async function signInAs(
  g: GlobalOptions,
  call: (channel: string, input: unknown) => Promise<unknown>,
  opts: { login?: string; totp?: string; recoveryCode?: string; password?: string },
): Promise<void> {
  if (!opts.login) throw new CliExit(EXIT.usage, 'Give --login.');
  if (!opts.totp && !opts.recoveryCode) {
    throw new CliExit(EXIT.usage, 'Give --totp CODE (or --recovery-code CODE).');
  }
  await call('zamok:auth.signIn', {
    login: opts.login,
    password: opts.password ?? readPassword(g),
    ...(opts.totp ? { totpCode: opts.totp } : { recoveryCode: opts.recoveryCode }),
  });
}
