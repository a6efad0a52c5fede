import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError, defaultPreviewVaultDir, parseHostArgs } from './args';

describe('preview host arguments', () => {
  it('defaults to a preview vault in the user data folder, any free port, out/renderer', () => {
    const args = parseHostArgs([], '/repo');
    expect(args.port).toBe(0);
    expect(args.staticDir).toBe(join('/repo', 'out', 'renderer'));
    expect(args.vaultDir).toBe(defaultPreviewVaultDir());
    expect(defaultPreviewVaultDir({ XDG_DATA_HOME: '/data' }, 'linux', '/home/o')).toBe(
      '/data/zamok-preview',
    );
    expect(defaultPreviewVaultDir({}, 'linux', '/home/o')).toBe(
      '/home/o/.local/share/zamok-preview',
    );
  });

  it('reads --vault-dir and --port', () => {
    const args = parseHostArgs(['--vault-dir', 'v', '--port', '4173'], '/repo');
    expect(args).toMatchObject({ vaultDir: resolve('v'), port: 4173 });
  });

  it('refuses unknown flags, missing values and bad ports with a usage error', () => {
    for (const argv of [
      ['--vault'],
      ['--port'],
      ['--port', '--vault-dir', 'x'],
      ['--port', '70000'],
      ['--port', '1.5'],
      ['--port', '-1'],
      ['stray'],
    ]) {
      expect(() => parseHostArgs(argv, '/repo'), argv.join(' ')).toThrow(UsageError);
    }
  });
});
