/**
 * `Zamok --cli …` from Electron main: which starts are CLI runs, the exit code handed to `app.exit`,
 * and a missing Electron-ABI driver reported in one line instead of a dialog. The CLI itself runs
 * here on the Node build of the driver (what `npm start` finds in the repo is the Electron build).
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { setNativeBinding } from '../vault/database';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { zamokInProcess } from '../cli/cli.test-support';
import { cliArguments, runCliMode, type CliModeDeps } from './cli-mode';

afterEach(() => setNativeBinding(undefined));

/** A resources folder holding the Node build of the driver where Electron's would be. */
function resourcesWithNodeDriver(): string {
  const require = createRequire(import.meta.url);
  const nodeBuild = join(
    dirname(require.resolve('better-sqlite3-multiple-ciphers/package.json')),
    'build',
    'Release',
  );
  // electronNativeBindingPath = <resources>/native/electron/better_sqlite3.node
  const resources = makeTempDir('zamok-cli-mode-');
  mkdirSync(join(resources, 'native', 'electron'), { recursive: true });
  copyFileSync(
    join(nodeBuild, 'better_sqlite3.node'),
    join(resources, 'native', 'electron', 'better_sqlite3.node'),
  );
  return resources;
}

function deps(over: Partial<CliModeDeps>) {
  const seen = { exit: [] as number[], err: '', argv: [] as (readonly string[])[] };
  const all: CliModeDeps = {
    isPackaged: true,
    resourcesPath: '/nonexistent',
    appPath: '/nonexistent',
    run: async argv => {
      seen.argv.push(argv);
      return 0;
    },
    writeErr: text => void (seen.err += text),
    exit: code => void seen.exit.push(code),
    ...over,
  };
  return { all, seen };
}

describe('cliArguments', () => {
  it('takes what follows --cli, packaged or started from the repo', () => {
    expect(cliArguments(['/opt/Zamok/zamok', '--cli', 'unlock-check', '--login', 'o'])).toEqual([
      'unlock-check',
      '--login',
      'o',
    ]);
    expect(cliArguments(['/usr/bin/electron', '.', '--cli', '--help'])).toEqual(['--help']);
    expect(cliArguments(['/opt/Zamok/zamok', '--cli'])).toEqual([]);
  });

  it('is null for a normal start (the window opens)', () => {
    expect(cliArguments(['/opt/Zamok/zamok'])).toBeNull();
    expect(cliArguments(['/usr/bin/electron', '.', '--enable-logging'])).toBeNull();
  });
});

describe('runCliMode', () => {
  it('runs the command line on the bundled driver and exits with its code', async () => {
    const resources = resourcesWithNodeDriver();
    const { all, seen } = deps({
      resourcesPath: resources,
      run: async argv => (await zamokInProcess([...argv])).status,
    });
    await runCliMode(['--vault', join(resources, 'none'), 'unlock-check', '--login', 'x'], all);
    // No --totp: a usage error, after the driver probe passed.
    expect(seen.exit).toEqual([2]);
    expect(seen.err).toBe('');
  });

  it('hands --help to the CLI and exits 0', async () => {
    const { all, seen } = deps({ resourcesPath: resourcesWithNodeDriver() });
    await runCliMode(['--help'], all);
    expect(seen.argv).toEqual([['--help']]);
    expect(seen.exit).toEqual([0]);
  });

  it('a missing Electron driver is one line on stderr and exit 1; the CLI does not run', async () => {
    const { all, seen } = deps({});
    await runCliMode(['--help'], all);
    expect(seen.argv).toEqual([]);
    expect(seen.exit).toEqual([1]);
    expect(seen.err).toMatch(
      /^zamok: The encrypted database driver built for Electron is missing\./,
    );
    expect(seen.err).toContain('reinstall Zamok');
    expect(seen.err.trimEnd().split('\n')).toHaveLength(1);
  });

  it('exits 1 when the command line throws', async () => {
    const { all, seen } = deps({
      resourcesPath: resourcesWithNodeDriver(),
      run: () => Promise.reject(new Error('boom')),
    });
    await expect(runCliMode([], all)).rejects.toThrow('boom');
    expect(seen.exit).toEqual([1]);
  });
});
