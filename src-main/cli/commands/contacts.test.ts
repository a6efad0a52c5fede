/**
 * `zamok contacts add` input checks, run in-process through `runCli`: a typo is
 * explained per option in the user's language and stops the command before any sign-in (no TOTP
 * code spent, nothing opened or written). Signed-in runs: ./contacts.signed-in.test.ts.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { zamokInProcess } from '../cli.test-support';

/** Runs `zamok --vault DIR <args>` in-process; returns the exit code, stdout and the error text. */
async function zamok(vault: string, args: string[]) {
  const run = await zamokInProcess(['--vault', vault, ...args]);
  return {
    exit: run.status,
    stdout: run.stdout,
    error: run.stderr.replace(/^zamok: /, '').trimEnd(),
  };
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
    // A blank surname is fine beside a given name (a contact needs a surname, a given name, a phone
    // or a company: issue 18 point 10), so only the three bad values are named.
    expect(run.error.split('\n')).toEqual([
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
