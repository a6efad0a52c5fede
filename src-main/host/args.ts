/**
 * Command-line options of the browser test host (`npm run preview -- --vault-dir DIR --port N`).
 */
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** Parsed options. */
export interface HostArgs {
  vaultDir: string;
  port: number;
  staticDir: string;
}

/** Thrown for a bad command line; the message is shown as is. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** The per-user data folder for the preview vault (never the real app's vault). */
export function defaultPreviewVaultDir(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: string = homedir(),
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(home, 'AppData', 'Roaming'), 'zamok-preview');
  if (platform === 'darwin') return join(home, 'Library', 'Application Support', 'zamok-preview');
  return join(env.XDG_DATA_HOME || join(home, '.local', 'share'), 'zamok-preview');
}

/** Parses `--vault-dir DIR`, `--port N` (0 = any free port) and `--static-dir DIR`. */
export function parseHostArgs(argv: readonly string[], repoRoot: string): HostArgs {
  const args: HostArgs = {
    vaultDir: defaultPreviewVaultDir(),
    port: 0,
    staticDir: join(repoRoot, 'out', 'renderer'),
  };
  for (let i = 0; i < argv.length; i += 1) {
    const flag = argv[i];
    const value = argv[i + 1];
    if (flag !== '--vault-dir' && flag !== '--port' && flag !== '--static-dir') {
      throw new UsageError(
        `Unknown option ${JSON.stringify(flag)}. Use --vault-dir DIR, --port N.`,
      );
    }
    if (value === undefined || value.startsWith('--'))
      throw new UsageError(`${flag} needs a value.`);
    i += 1;
    if (flag === '--port') {
      const port = Number(value);
      if (!Number.isInteger(port) || port < 0 || port > 65535) {
        throw new UsageError('--port must be an integer from 0 to 65535.');
      }
      args.port = port;
    } else if (flag === '--vault-dir') {
      args.vaultDir = resolve(value);
    } else {
      args.staticDir = resolve(value);
    }
  }
  return args;
}
