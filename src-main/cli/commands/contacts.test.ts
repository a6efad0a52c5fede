/**
 * `zamok contacts add` input checks, run in-process through the real commander wiring: a typo is
 * explained per option in the user's language and stops the command before any sign-in (no TOTP
 * code spent, nothing opened or written). Signed-in runs: ./contacts.signed-in.test.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import type { GlobalOptions } from '../context';
import { CliExit } from '../io';
import { registerContactsCommands } from './contacts';

afterEach(() => vi.restoreAllMocks());

/** Runs `zamok --vault DIR <args>` in-process; returns the exit code, stdout and the error text. */
async function zamok(vault: string, args: string[]) {
  const program = new Command('zamok').option('--vault <dir>').option('--json').exitOverride();
  registerContactsCommands(program, () => program.opts<GlobalOptions>());
  let stdout = '';
  vi.spyOn(process.stdout, 'write').mockImplementation(chunk => {
    stdout += String(chunk);
    return true;
  });
  try {
    await program.parseAsync(['node', 'zamok', '--vault', vault, ...args]);
    return { exit: 0, stdout, error: '' };
  } catch (error) {
    if (error instanceof CliExit) return { exit: error.exitCode, stdout, error: error.message };
    throw error;
  }
}

describe('zamok contacts add: input checks', () => {
  it('names each wrong option without echoing values, exits 2, and touches no vault', async () => {
    const vault = join(makeTempDir('zamok-contacts-cli-'), 'vault');
    const run = await zamok(vault, [
      'contacts',
      'add',
      '--login',
      'anna',
      '--totp',
      '000000',
      '--given',
      'Олена',
      '--surname',
      ' ',
      '--phone',
      '067 123 45 67',
      '--phone',
      '12-34',
      '--email',
      'olena@',
      '--telegram',
      '@ab',
    ]);
    expect(run.exit).toBe(2);
    expect(run.error.split('\n')).toEqual([
      '--surname: Enter the surname.',
      expect.stringMatching(/^--phone #2: This phone number is not valid\./),
      expect.stringMatching(/^--email #1: This e-mail address is not valid\./),
      expect.stringMatching(/^--telegram: A Telegram username has 5–32/),
    ]);
    expect(run.error).not.toMatch(/12-34|olena@|@ab/);
    expect(run.stdout).toBe('');
    expect(existsSync(vault)).toBe(false);
  });

  it('refuses a bad --limit or --sort for list before signing in', async () => {
    const vault = join(makeTempDir('zamok-contacts-cli-'), 'vault');
    const base = ['contacts', 'list', '--login', 'anna', '--totp', '000000'];
    expect(await zamok(vault, [...base, '--limit', '500'])).toMatchObject({ exit: 2 });
    expect(await zamok(vault, [...base, '--sort', 'age'])).toMatchObject({ exit: 2 });
    expect(existsSync(vault)).toBe(false);
  });
});
