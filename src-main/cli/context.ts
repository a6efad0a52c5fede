/**
 * Runs a CLI command against a composed app (the same router and services as the desktop app), then
 * disposes of it: the vault is closed and key buffers wiped whatever happens. The app (and with it
 * the database driver, kysely, the crypto libraries) is loaded on first use, so `zamok --help` and
 * usage errors start without it.
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import type { ZamokApp, ZamokAppOptions } from '../app/compose';
import { CliExit, cliLocale, EXIT, readPassword, unwrap, type CliContext, type CliIo } from './io';

/** App options a caller of `runCli` may fix (tests: low Argon2id parameters, no keychain). */
export type CliAppOptions = Pick<ZamokAppOptions, 'kdf' | 'deviceStore'>;

/** A channel call that returns the value or throws the matching CliExit. */
export type CliCall = (channel: string, input: unknown) => Promise<unknown>;

/** A run's context plus the app options its commands compose the app with. */
export interface CliAppContext extends CliContext {
  readonly appOptions: CliAppOptions;
}

/** The desktop app's default vault folder, used when `--vault` is not given. */
export function defaultVaultDir(env: CliIo['env']): string {
  if (process.platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Zamok', 'vault');
  }
  if (process.platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', 'Zamok', 'vault');
  }
  return join(env.XDG_CONFIG_HOME || join(homedir(), '.config'), 'Zamok', 'vault');
}

/** The vault folder of this run: `--vault`, else the default. */
export function vaultDirOf(cli: CliContext): string {
  return resolve(cli.globals().vault ?? defaultVaultDir(cli.io.env));
}

/** Calls `fn` with an app for `--vault`, disposing of it afterwards. */
export async function withApp<T>(
  cli: CliAppContext,
  fn: (app: ZamokApp, call: CliCall) => Promise<T>,
  o: { deviceBinding?: boolean } = {},
): Promise<T> {
  const locale = cliLocale(cli.io.env);
  const [{ createZamokApp }, { createKeychainStore, createNoKeychainStore }] = await Promise.all([
    import('../app/compose'),
    import('../vault'),
  ]);
  const app = createZamokApp({
    vaultDir: vaultDirOf(cli),
    host: 'cli',
    clock: cli.clock,
    ...(cli.appOptions.kdf ? { kdf: cli.appOptions.kdf } : {}),
    deviceStore:
      o.deviceBinding === false
        ? createNoKeychainStore()
        : (cli.appOptions.deviceStore ?? createKeychainStore()),
  });
  const call: CliCall = async (channel, input) =>
    unwrap(await app.router.call(channel, input, { host: 'cli' }), locale);
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
  cli: CliContext,
  call: CliCall,
  opts: { login?: string; totp?: string; recoveryCode?: string; password?: string },
): Promise<void> {
  if (!opts.login) throw new CliExit(EXIT.usage, 'Give --login.');
  if (!opts.totp && !opts.recoveryCode) {
    throw new CliExit(EXIT.usage, 'Give --totp CODE (or --recovery-code CODE).');
  }
  await call('zamok:auth.signIn', {
    login: opts.login,
    password: opts.password ?? readPassword(cli),
    ...(opts.totp ? { totpCode: opts.totp } : { recoveryCode: opts.recoveryCode }),
  });
}

/**
 * Runs `fn` in an app signed in as `opts` (see signInAs), then signs out; a refusal (`forbidden`)
 * becomes the "not permitted" exit 3.
 */
export async function asUser<T>(
  cli: CliAppContext,
  opts: { login?: string; totp?: string; recoveryCode?: string },
  fn: (call: CliCall) => Promise<T>,
): Promise<T> {
  return withApp(cli, async (_app, call) => {
    await signInAs(cli, call, opts);
    try {
      return await fn(call);
    } catch (error) {
      if (error instanceof CliExit && error.code === 'forbidden') {
        throw new CliExit(EXIT.auth, `not permitted: ${error.message}`, 'forbidden');
      }
      throw error;
    } finally {
      await call('zamok:auth.signOut', {}).catch(() => undefined);
    }
  });
}
