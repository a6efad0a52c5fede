/**
 * `zamok contacts add` and `zamok contacts list`: the same channels, permissions, scoping and audit
 * as the app. The user signs in with `--login`, the password from ZAMOK_PASSWORD (or
 * `--password-stdin`) and `--totp` / `--recovery-code`; an administrator (no client data) gets exit
 * 3 and a "not permitted" line. Input is checked with the app's own schema before signing in, so a
 * typo costs no TOTP code, and each problem is explained in the user's language (LANG).
 */
import type { Command } from 'commander';
import type {
  Contact,
  ContactFieldIssue,
  ContactListPage,
  ContactSummary,
} from '../../../src-shared/contacts';
import { asUser, type CliAppContext } from '../context';
import { CliExit, EXIT, localeTag, printResult, type CliIo } from '../io';

interface SignInOptions {
  login: string;
  totp?: string;
  recoveryCode?: string;
}

interface AddOptions extends SignInOptions {
  given: string;
  surname: string;
  patronymic?: string;
  phone: string[];
  email: string[];
  company?: string;
  tag: string[];
  source?: string;
  notes?: string;
  telegram?: string;
}

interface ListOptions extends SignInOptions {
  text?: string;
  tag?: string;
  sort: string;
  desc?: boolean;
  limit: string;
  all?: boolean;
}

// Same rule as ../io.ts: Ukrainian only when the locale says so; "C" and the rest get English.
function localeOf(env: CliIo['env']): 'uk' | 'en' {
  return /^(uk|ru)/i.test(localeTag(env)) ? 'uk' : 'en';
}

function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

function withSignIn(cmd: Command): Command {
  return cmd
    .requiredOption('--login <login>', 'act as this user; password from ZAMOK_PASSWORD')
    .option('--totp <code>', 'your current two-factor code')
    .option('--recovery-code <code>', 'one of your recovery codes instead of --totp');
}

/** The option a field came from (`phones.1.number` → `--phone #2`); values are never echoed. */
function optionOf(field: string): string {
  const [head, index] = field.split('.');
  const nth = index !== undefined && /^\d+$/.test(index) ? ` #${Number(index) + 1}` : '';
  const names: Record<string, string> = {
    surname: '--surname',
    givenName: '--given',
    patronymic: '--patronymic',
    phones: '--phone',
    emails: '--email',
    companyName: '--company',
    tags: '--tag',
    source: '--source',
    notes: '--notes',
    messengers: '--telegram',
  };
  return `${names[head ?? ''] ?? (field || 'input')}${nth}`;
}

/**
 * The contact schemas (zod, libphonenumber) load when a contacts command runs, not for `--help`
 * or other commands: the CLI starts faster (issue 19, "only the command that runs is loaded").
 */
function contactsContract() {
  return import('../../../src-shared/contacts');
}

async function describeIssues(issues: ContactFieldIssue[], locale: 'uk' | 'en'): Promise<string> {
  const { contactMessage } = await contactsContract();
  return issues.map(i => `${optionOf(i.field)}: ${contactMessage(locale, i.code)}`).join('\n');
}

function line(c: ContactSummary | Contact): string {
  const name = [c.surname, c.givenName, c.patronymic].filter(Boolean).join(' ');
  const phone = 'phone' in c ? c.phone : (c.phones[0]?.e164 ?? null);
  const email = 'email' in c ? c.email : (c.emails[0] ?? null);
  const parts = [
    name,
    phone,
    email,
    c.companyName,
    c.tags.length ? `[${c.tags.join(', ')}]` : null,
  ];
  return parts.filter((p): p is string => typeof p === 'string' && p.length > 0).join('  ');
}

/** Registers `contacts add` and `contacts list`. */
export function registerContactsCommands(program: Command, cli: CliAppContext): void {
  const contacts = program
    .command('contacts')
    .description('client contacts, with the same permissions as in the app (sign in with --login)');

  withSignIn(
    contacts
      .command('add')
      .description('add a contact owned by you; phones without a country code are Ukrainian')
      .requiredOption('--given <name>', 'given name')
      .requiredOption('--surname <name>', 'surname')
      .option('--patronymic <name>', 'patronymic')
      .option('--phone <number>', 'phone number (repeat for more)', collect, [])
      .option('--email <address>', 'e-mail address (repeat for more)', collect, [])
      .option('--company <name>', 'company name')
      .option('--tag <tag>', 'tag (repeat for more)', collect, [])
      .option('--telegram <handle>', 'Telegram @username')
      .option('--source <text>', 'where the client came from')
      .option('--notes <text>', 'notes'),
  ).action(async (opts: AddOptions) => {
    const input = {
      surname: opts.surname,
      givenName: opts.given,
      patronymic: opts.patronymic,
      phones: opts.phone.map(number => ({ number })),
      emails: opts.email,
      companyName: opts.company,
      tags: opts.tag,
      source: opts.source,
      notes: opts.notes,
      ...(opts.telegram === undefined ? {} : { messengers: { telegram: opts.telegram } }),
    };
    const { contactInputSchema, contactIssues } = await contactsContract();
    const parsed = contactInputSchema.safeParse(input);
    if (!parsed.success) {
      throw new CliExit(
        EXIT.usage,
        await describeIssues(contactIssues(parsed.error), localeOf(cli.io.env)),
        'invalid_input',
      );
    }
    // The input as typed goes over the channel: the router parses it again with the same schema.
    const contact = await asUser(
      cli,
      opts,
      async call => (await call('zamok:contacts.create', { contact: input })) as Contact,
    );
    printResult(cli, contact, () => [`Added ${contact.id}: ${line(contact)}`]);
  });

  withSignIn(
    contacts
      .command('list')
      .description('list the contacts your role lets you see (yours, shared with you, your team…)')
      .option('--text <words>', 'only contacts whose name, company, phone, e-mail or tag match')
      .option('--tag <tag>', 'only contacts with this tag')
      .option('--sort <order>', 'name, updated or created', 'name')
      .option('--desc', 'reverse order')
      .option('--limit <n>', 'contacts per page (1–200)', '50')
      .option('--all', 'every page, not just the first'),
  ).action(async (opts: ListOptions) => {
    const limit = Number(opts.limit);
    if (!Number.isInteger(limit) || limit < 1 || limit > 200) {
      throw new CliExit(EXIT.usage, '--limit: give a whole number from 1 to 200.');
    }
    if (!['name', 'updated', 'created'].includes(opts.sort)) {
      throw new CliExit(EXIT.usage, '--sort: name, updated or created.');
    }
    const filter = {
      ...(opts.text ? { text: opts.text } : {}),
      ...(opts.tag ? { tag: opts.tag } : {}),
    };
    const page = await asUser(cli, opts, async call => {
      const items: ContactSummary[] = [];
      let cursor: string | undefined;
      for (;;) {
        const next = (await call('zamok:contacts.list', {
          sort: opts.sort,
          direction: opts.desc ? 'desc' : 'asc',
          filter,
          limit,
          ...(cursor ? { cursor } : {}),
        })) as ContactListPage;
        items.push(...next.items);
        if (!opts.all || next.nextCursor === null) return { items, nextCursor: next.nextCursor };
        cursor = next.nextCursor;
      }
    });
    printResult(cli, page, () => [
      ...page.items.map(line),
      ...(page.nextCursor ? ['… more contacts: use --all'] : []),
    ]);
  });
}
