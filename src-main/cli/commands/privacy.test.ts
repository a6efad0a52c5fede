/**
 * `zamok privacy export-subject` in a child process (the built bin, as a script runs it) on a real
 * vault: the ZIP holds the person's sections and readable page, the file is the owner's only
 * (0600), and an unknown contact is refused with nothing written.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../../src-shared/contacts';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { CLI_OWNER, createOwnerVault, zamokProcess } from '../cli.test-support';

const root = makeTempDir('zamok-privacy-cli-');
const vault = join(root, 'vault');
const env = { ZAMOK_PASSWORD: CLI_OWNER.password };
let codes: string[] = [];
let person = '';

beforeAll(async () => {
  const owner = await createOwnerVault(vault);
  const contact = await owner.call<Contact>('contacts.create', {
    contact: { surname: 'Канарейкова', givenName: 'Ярина' },
  });
  person = contact.id;
  await owner.call('activities.create', {
    activity: { kind: 'note', subject: 'Нотатка про клієнтку', contactId: person },
  });
  owner.app.dispose();
  codes = owner.setup.recoveryCodes;
}, 120_000);

describe('zamok privacy export-subject', () => {
  it('writes the person’s ZIP with JSON and a Ukrainian page, owner-only', () => {
    const out = join(root, 'subject.zip');
    const run = zamokProcess(
      [
        '--vault',
        vault,
        'privacy',
        'export-subject',
        '--contact',
        person,
        '--out',
        out,
        '--login',
        CLI_OWNER.login,
        '--recovery-code',
        codes[0] ?? '',
      ],
      { env },
    );
    expect(run.stderr.replace(/^zamok: building the CLI.*\n/, '')).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('notes: 1');
    expect(statSync(out).mode & 0o777).toBe(0o600);
    const zip = unzipSync(readFileSync(out));
    const data = JSON.parse(strFromU8(zip['subject.json'] ?? new Uint8Array())) as {
      contact: Contact;
      notes: unknown[];
    };
    expect(data.contact.id).toBe(person);
    expect(data.notes).toHaveLength(1);
    expect(strFromU8(zip['index.html'] ?? new Uint8Array())).toContain('Нотатка про клієнтку');
  }, 300_000);

  it('refuses an unknown contact with nothing written', () => {
    const out = join(root, 'nobody.zip');
    const run = zamokProcess(
      [
        '--vault',
        vault,
        'privacy',
        'export-subject',
        '--contact',
        'no-such-contact',
        '--out',
        out,
        '--login',
        CLI_OWNER.login,
        '--recovery-code',
        codes[1] ?? '',
      ],
      { env },
    );
    expect(run.status).not.toBe(0);
    expect(existsSync(out)).toBe(false);
  }, 300_000);
});
