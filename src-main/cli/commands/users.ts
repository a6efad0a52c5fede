/**
 * `zamok users add | list | dismiss`: the same channels, permissions and audit as the app's users
 * screen. The operator signs in with `--as LOGIN` (not `--login`, which names the account the
 * command is about) and `--totp` / `--recovery-code`; their password comes from ZAMOK_PASSWORD or
 * `--password-stdin` as everywhere in the CLI.
 */
import type { Command } from 'commander';
import type { RoleInfo } from '../../../src-shared/ipc/roles';
import type { DismissResult, UserSummary } from '../../../src-shared/ipc/users';
import { signInAs, withApp, type CliAppContext, type CliCall as Call } from '../context';
import { CliExit, EXIT, nextStdinLine, printResult, readPassword, type CliContext } from '../io';

/** The operator's sign-in options. */
interface OperatorOptions {
  as: string;
  totp?: string;
  recoveryCode?: string;
}

const OPERATOR_HELP =
  'act as this signed-in user (owner or administrator); password from ZAMOK_PASSWORD or --password-stdin';

function operator(cmd: Command): Command {
  return cmd
    .requiredOption('--as <login>', OPERATOR_HELP)
    .option('--totp <code>', "the operator's current two-factor code")
    .option('--recovery-code <code>', "one of the operator's recovery codes instead of --totp");
}

/** Signs the operator in with the password already read (stdin can be read only once). */
function signInOperator(cli: CliContext, call: Call, opts: OperatorOptions, password: string) {
  return signInAs(cli, call, {
    login: opts.as,
    password,
    ...(opts.totp ? { totp: opts.totp } : {}),
    ...(opts.recoveryCode ? { recoveryCode: opts.recoveryCode } : {}),
  });
}

async function userByLogin(call: Call, login: string): Promise<UserSummary> {
  const users = (await call('zamok:users.list', {})) as UserSummary[];
  const wanted = login.trim().toLowerCase();
  const user = users.find(u => u.login === wanted);
  if (!user) throw new CliExit(EXIT.other, `There is no user with login "${login}".`, 'not_found');
  return user;
}

/** A built-in role id, or a custom role given by id or by name. */
async function roleId(call: Call, role: string): Promise<string> {
  const roles = (await call('zamok:roles.list', {})) as RoleInfo[];
  const wanted = role.trim().toLowerCase();
  const found = roles.find(r => r.id === wanted || r.name.toLowerCase() === wanted);
  if (!found) {
    throw new CliExit(
      EXIT.usage,
      `Unknown role "${role}". Roles: ${roles.map(r => r.name).join(', ')}.`,
    );
  }
  return found.id;
}

/** Registers the `users` commands. */
export function registerUsersCommands(program: Command, cli: CliAppContext): void {
  const users = program
    .command('users')
    .description('staff accounts; the operator signs in with --as LOGIN (and --totp)');

  operator(
    users
      .command('add')
      .description(
        'create an account with a one-time setup password (own password + 2FA at first sign-in)',
      )
      .requiredOption('--login <login>', 'the new account’s login')
      .requiredOption(
        '--role <role>',
        'owner, administrator, head, manager, auditor or a custom role',
      )
      .requiredOption(
        '--setup-password-stdin',
        'read the setup password from standard input (after the operator password with --password-stdin)',
      )
      .option('--display-name <name>', 'the name shown in the app (default: the login)'),
  ).action(
    async (opts: OperatorOptions & { login: string; role: string; displayName?: string }) => {
      const password = readPassword(cli);
      const setupPassword = nextStdinLine(cli, 'the setup password');
      const user = await withApp(cli, async (_app, call) => {
        await signInOperator(cli, call, opts, password);
        const created = (await call('zamok:users.create', {
          login: opts.login,
          displayName: opts.displayName ?? opts.login,
          role: await roleId(call, opts.role),
          setupPassword,
        })) as UserSummary;
        await call('zamok:auth.signOut', {});
        return created;
      });
      printResult(cli, user, () => [
        `Created ${user.login} (${user.role}). At first sign-in they set their own password and 2FA.`,
      ]);
    },
  );

  operator(users.command('list').description('every account, active and dismissed')).action(
    async (opts: OperatorOptions) => {
      const password = readPassword(cli);
      const list = await withApp(cli, async (_app, call) => {
        await signInOperator(cli, call, opts, password);
        const all = (await call('zamok:users.list', {})) as UserSummary[];
        await call('zamok:auth.signOut', {});
        return all;
      });
      printResult(cli, list, () =>
        list.map(u =>
          [
            u.login.padEnd(20),
            u.role.padEnd(14),
            u.status.padEnd(10),
            u.totpEnabled ? '2FA' : 'no 2FA',
            u.mustChangePassword ? 'setup pending' : '',
          ]
            .join(' ')
            .trimEnd(),
        ),
      );
    },
  );

  operator(
    users
      .command('dismiss')
      .description(
        'disable an account, delete its key slot, end its session, give its records to another user',
      )
      .requiredOption('--login <login>', 'the account to dismiss')
      .requiredOption('--reassign-to <login>', 'the active user who takes over its records'),
  ).action(async (opts: OperatorOptions & { login: string; reassignTo: string }) => {
    const password = readPassword(cli);
    const result = await withApp(cli, async (_app, call) => {
      await signInOperator(cli, call, opts, password);
      const target = await userByLogin(call, opts.login);
      const heir = await userByLogin(call, opts.reassignTo);
      const done = (await call('zamok:users.dismiss', {
        userId: target.id,
        reassignToUserId: heir.id,
      })) as DismissResult;
      await call('zamok:auth.signOut', {});
      return done;
    });
    printResult(cli, result, () => [
      `Dismissed ${result.user.login}; ${result.reassignedCount} record(s) now belong to ${opts.reassignTo}.`,
      ...(result.office?.state === 'dismissed'
        ? [
            `Office: ${result.office.revokedDevices} device(s) refused, ${result.office.rotated} key(s) rotated.`,
          ]
        : result.office?.state === 'queued'
          ? [
              `Office not reached (${result.office.code}): dismissed here; sync completes it in the office once the server answers.`,
            ]
          : result.office?.state === 'failed'
            ? [
                `Office not reached (${result.office.code}): dismissed here only; run \`zamok office dismiss\` later.`,
              ]
            : []),
    ]);
  });
}
