/**
 * Office sync from the command line, through the app's `sync` channels (same permissions and
 * audit as the app): `office enrol` (the first owner device with the serve code, or any other
 * laptop's join request), `office approve`, `office dismiss`, `office forget`, `sync status`,
 * `sync now`.
 */
import type { Command } from 'commander';
import type { SyncRoundView, SyncStatusView } from '../../../src-shared/ipc/sync';
import { signInAs, withApp, type CliAppContext, type CliCall } from '../context';
import { CliExit, EXIT, printResult } from '../io';

interface SignInOptions {
  login: string;
  totp?: string;
  recoveryCode?: string;
}

function signedIn(command: Command): Command {
  return command
    .requiredOption('--login <login>', 'act as this user')
    .option('--totp <code>')
    .option('--recovery-code <code>');
}

/** Signs in, calls `work`, signs out. */
export function asUser<T>(
  cli: CliAppContext,
  opts: SignInOptions,
  work: (call: CliCall) => Promise<T>,
): Promise<T> {
  return withApp(cli, async (_app, call) => {
    await signInAs(cli, call, opts);
    const value = await work(call);
    await call('zamok:auth.signOut', {});
    return value;
  });
}

/** Registers `office enrol|approve|dismiss|forget` on `office`, and `sync status|now`. */
export function registerSyncCommands(program: Command, office: Command, cli: CliAppContext): void {
  signedIn(
    office
      .command('enrol')
      .description(
        'join this vault to an office: with --code as its first owner device, else print a join request',
      )
      .requiredOption(
        '--server <url>',
        'the office server (https://…; http:// only to this computer)',
      )
      .option('--fingerprint <sha256>', 'the server certificate fingerprint (HTTPS)')
      .option('--code <code>', 'the one-time enrolment code `zamok office serve` printed'),
  ).action(async (o: SignInOptions & { server: string; fingerprint?: string; code?: string }) => {
    const endpoint = { server: o.server, ...(o.fingerprint ? { fingerprint: o.fingerprint } : {}) };
    if (o.code) {
      const done = (await asUser(cli, o, call =>
        call('zamok:sync.enrol', { ...endpoint, code: o.code }),
      )) as { deviceId: string; officeId: string; queued: number };
      printResult(cli, done, () => [
        `Enrolled as the office's owner device ${done.deviceId}; ${done.queued} records will upload on the next sync.`,
      ]);
      return;
    }
    const joined = (await asUser(cli, o, call => call('zamok:sync.join', endpoint))) as {
      request: string;
      deviceId: string;
    };
    printResult(cli, joined, () => [
      `Device ${joined.deviceId} asks to join. Give the owner this join request:`,
      joined.request,
    ]);
  });

  signedIn(
    office
      .command('approve')
      .description('as an owner device: approve a join request with a role and team')
      .requiredOption('--request <text>', 'the join request the other laptop printed')
      .requiredOption('--role <role>', 'owner, administrator, head, manager or auditor')
      .option('--team <id>', 'team id (heads read their team)'),
  ).action(async (o: SignInOptions & { request: string; role: string; team?: string }) => {
    const done = (await asUser(cli, o, call =>
      call('zamok:sync.approve', {
        request: o.request,
        role: o.role,
        ...(o.team ? { teamId: o.team } : {}),
      }),
    )) as { deviceId: string; partitions: number };
    printResult(cli, done, () => [
      `Approved device ${done.deviceId}; granted ${done.partitions} partition(s).`,
    ]);
  });

  signedIn(
    office
      .command('dismiss')
      .description('as an owner device: refuse a user’s devices and rotate their partitions’ keys')
      .requiredOption('--user <id>', 'the user id to remove from the office'),
  ).action(async (o: SignInOptions & { user: string }) => {
    const done = (await asUser(cli, o, call => call('zamok:sync.dismiss', { userId: o.user }))) as {
      revokedDevices: number;
      rotated: number;
      notRotated: number;
    };
    printResult(cli, done, () => [
      `Revoked ${done.revokedDevices} device(s); rotated ${done.rotated} partition key(s); ${done.notRotated} not held here.`,
    ]);
  });

  signedIn(
    office
      .command('forget')
      .description(
        'forget this vault’s office (a refused request, or leaving): keys and sync state go, records stay',
      )
      .option('--yes', 'confirm: unsent changes will not reach the office'),
  ).action(async (o: SignInOptions & { yes?: boolean }) => {
    if (!o.yes) {
      throw new CliExit(
        EXIT.usage,
        'Forgetting the office cannot be undone: add --yes to confirm.',
      );
    }
    const done = (await asUser(cli, o, call => call('zamok:office.forget', {}))) as {
      officeId: string;
      partitions: number;
      unsent: number;
    };
    printResult(cli, done, () => [
      `Forgot office ${done.officeId}: ${done.partitions} partition(s) and ${done.unsent} unsent change(s) dropped; records kept. Join again with a new code, or work alone.`,
    ]);
  });

  const sync = program.command('sync').description('office sync of this vault');
  signedIn(sync.command('status').description('synced, offline, N waiting, or conflict')).action(
    async (o: SignInOptions) => {
      const status = (await asUser(cli, o, call =>
        call('zamok:sync.status', {}),
      )) as SyncStatusView;
      printResult(cli, status, () => [
        `Sync: ${status.state}; ${status.waiting} waiting, ${status.conflicts} conflict(s); last sync ${status.lastSyncAt ?? 'never'}${status.dismissals ? `; ${status.dismissals.waiting} office dismissal(s) waiting` : ''}`,
      ]);
    },
  );
  signedIn(
    sync.command('now').description('push this laptop’s changes and pull the office’s'),
  ).action(async (o: SignInOptions) => {
    const round = (await asUser(cli, o, call => call('zamok:sync.now', {}))) as SyncRoundView;
    printResult(cli, round, () => [
      `Synced: ${round.pushed} pushed, ${round.pulled} pulled, ${round.conflicts} new conflict(s).`,
    ]);
  });
}
