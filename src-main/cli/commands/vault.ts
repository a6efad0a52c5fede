/** `zamok init`, `zamok unlock-check`, `zamok password …`, `zamok vault key`. */
import type { Command } from 'commander';
import type { SetupResult, TotpEnrollment } from '../../../src-shared/ipc/auth';
import { signInAs, withApp, type CliAppContext } from '../context';
import { nextStdinLine, printResult, readPassword, type CliContext } from '../io';

function newPassword(cli: CliContext): string {
  return cli.io.env.ZAMOK_NEW_PASSWORD || nextStdinLine(cli, 'the new password');
}

/** Registers the vault and sign-in commands. */
export function registerVaultCommands(program: Command, cli: CliAppContext): void {
  program
    .command('init')
    .description('create a vault and its owner account; prints the recovery kit ONCE')
    .requiredOption('--owner <login>', "the owner's login")
    .option('--display-name <name>', "the owner's name as shown in the app")
    .option('--no-device-binding', 'do not bind password slots to this computer (OS keychain)')
    .action(async (opts: { owner: string; displayName?: string; deviceBinding: boolean }) => {
      const password = readPassword(cli);
      // Loaded here, not at start: otplib and its hash library are only needed by `init`.
      const { generateTotp } = await import('../../auth/totp');
      await withApp(
        cli,
        async (app, call) => {
          const enrollment = (await call('zamok:auth.beginTotpEnrollment', {
            login: opts.owner,
          })) as TotpEnrollment;
          // The CLI shows the secret instead of a QR code, so it confirms enrollment itself.
          const created = (await call('zamok:auth.createVault', {
            vaultDir: app.state.vaultDir,
            login: opts.owner,
            displayName: opts.displayName ?? opts.owner,
            password,
            totpCode: generateTotp(enrollment.secret, cli.clock()),
            deviceBinding: opts.deviceBinding,
          })) as SetupResult;
          if (opts.deviceBinding && created.deviceBinding === 'unavailable') {
            cli.io.err(
              'Warning: no OS keychain is available; the vault was created without device binding.\n',
            );
          }
          const kit = {
            vaultId: created.vaultId,
            owner: created.user.login,
            totpSecret: enrollment.secret,
            totpUri: enrollment.uri,
            recoveryKey: created.recoveryKey,
            recoveryCodes: created.recoveryCodes,
            deviceBinding: created.deviceBinding,
          };
          printResult(cli, kit, () => [
            `Vault ${kit.vaultId} created in ${app.state.vaultDir}.`,
            `Owner: ${kit.owner}`,
            `Add this key to your authenticator app: ${kit.totpSecret}`,
            `  (${kit.totpUri})`,
            `RECOVERY KEY (shown once; store it offline): ${kit.recoveryKey}`,
            `Recovery codes (each works once): ${kit.recoveryCodes.join('  ')}`,
          ]);
        },
        { deviceBinding: opts.deviceBinding },
      );
    });

  program
    .command('unlock-check')
    .description('check that a login can sign in (exit 0) without opening the app')
    .requiredOption('--login <login>')
    .option('--totp <code>')
    .option('--recovery-code <code>')
    .action(async (opts: { login: string; totp?: string; recoveryCode?: string }) => {
      await withApp(cli, async (_app, call) => {
        await signInAs(cli, call, opts);
        await call('zamok:auth.signOut', {});
        printResult(cli, { ok: true, login: opts.login }, () => ['Sign-in works.']);
      });
    });

  const password = program.command('password').description('change or reset a password');
  password
    .command('change')
    .description(
      'change your password (current: ZAMOK_PASSWORD or stdin; new: ZAMOK_NEW_PASSWORD or next stdin line)',
    )
    .requiredOption('--login <login>')
    .requiredOption('--totp <code>')
    .action(async (opts: { login: string; totp: string }) => {
      await withApp(cli, async (_app, call) => {
        const current = readPassword(cli);
        await signInAs(cli, call, { ...opts, password: current });
        await call('zamok:auth.changePassword', {
          currentPassword: current,
          newPassword: newPassword(cli),
        });
        await call('zamok:auth.signOut', {});
        printResult(cli, { changed: true }, () => ['Password changed.']);
      });
    });
  password
    .command('reset')
    .description(
      "set a new password with the owner's recovery key (key on stdin, then the new password)",
    )
    .requiredOption('--login <login>')
    .requiredOption('--recovery-key-stdin', 'read the recovery key from standard input')
    .action(async (opts: { login: string }) => {
      await withApp(cli, async (_app, call) => {
        const recoveryKey = nextStdinLine(cli, 'the recovery key');
        await call('zamok:auth.resetPasswordWithRecoveryKey', {
          recoveryKey,
          login: opts.login,
          newPassword: newPassword(cli),
        });
        printResult(cli, { reset: true, login: opts.login }, () => [
          `A new password is set for ${opts.login}.`,
        ]);
      });
    });

  const vault = program.command('vault').description('low-level vault tools');
  vault
    .command('key')
    .description('DANGEROUS: print the raw data key (hex) to open zamok.db with sqlcipher; audited')
    .requiredOption('--recovery-key-stdin', 'read the recovery key from standard input')
    .action(async () => {
      await withApp(cli, async (_app, call) => {
        const result = (await call('zamok:vault.revealDataKey', {
          recoveryKey: nextStdinLine(cli, 'the recovery key'),
        })) as { dataKeyHex: string };
        printResult(cli, result, () => [result.dataKeyHex]);
      });
    });
}
