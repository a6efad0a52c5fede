/**
 * Handlers of the `devices` channels (the router has checked `settings.manage` and audits each
 * change; the security_change rule alerts on it). The calling computer is the session's device.
 */
import type { devicesContract, DeviceView } from '../../../src-shared/ipc/devices';
import {
  accessSettings,
  assertCanRevoke,
  thisMachine,
  updateAccessSettings,
} from '../../guard/devices-access';
import {
  approveDevice,
  getDevice,
  listDevices,
  renameDevice,
  revokeDevice,
} from '../../guard/devices-store';
import type { NetworkFacts } from '../../guard/networks';
import { readGuardSettings } from '../../guard/settings';
import { CallFailure, requireSession, type HandlerContext, type Handlers } from '../../ipc';
import type { OpenVault } from '../../vault';
import { recordSettings, requireVault, target } from './kit';

/** What the devices handlers need from the app. */
export interface DevicesHandlerDeps {
  openVault(): OpenVault | null;
  now(): Date;
  /** This computer's device id (the session's, when it has one). */
  deviceId(): string;
  facts(): NetworkFacts;
}

/** The `devices` feature's handlers for the router. */
export function devicesHandlers(
  deps: DevicesHandlerDeps,
): Handlers<{ devices: typeof devicesContract }>['devices'] {
  const vault = () => requireVault(deps);
  function currentDevice(ctx: HandlerContext): string {
    return requireSession(ctx).deviceId ?? deps.deviceId();
  }
  function overview(ctx: HandlerContext) {
    const open = vault();
    const current = currentDevice(ctx);
    const settings = readGuardSettings(open.sqlite);
    return {
      settings: accessSettings(settings),
      devices: listDevices(open.sqlite, current),
      machine: thisMachine(open, current, deps.facts(), settings),
    };
  }
  /** Runs a change on one device, audited with the fields it changed. */
  function change(
    ctx: HandlerContext,
    id: string,
    apply: (open: OpenVault) => DeviceView | null,
  ): DeviceView {
    const open = vault();
    target(ctx, 'device', id);
    const before = getDevice(open.sqlite, id);
    if (!before) throw new CallFailure('not_found', 'There is no such computer in the list.');
    const after = apply(open);
    if (!after) throw new CallFailure('not_found', 'There is no such computer in the list.');
    const changes: Record<string, { before: unknown; after: unknown }> = {};
    for (const key of ['label', 'status'] as const) {
      if (before[key] !== after[key]) changes[key] = { before: before[key], after: after[key] };
    }
    ctx.audit.changes = changes;
    return { ...after, current: after.id === currentDevice(ctx) };
  }

  return {
    list: ctx => overview(ctx),
    approve: (ctx, input) =>
      change(ctx, input.id, open =>
        approveDevice(open.sqlite, input.id, requireSession(ctx).userId, deps.now().toISOString()),
      ),
    revoke: (ctx, input) =>
      change(ctx, input.id, open => {
        assertCanRevoke(open, input.id, currentDevice(ctx));
        return revokeDevice(
          open.sqlite,
          input.id,
          requireSession(ctx).userId,
          deps.now().toISOString(),
        );
      }),
    rename: (ctx, input) =>
      change(ctx, input.id, open => renameDevice(open.sqlite, input.id, input.label)),
    updateSettings: (ctx, input) => {
      const open = vault();
      const { before, after } = updateAccessSettings(open, input, {
        userId: requireSession(ctx).userId,
        deviceId: currentDevice(ctx),
        facts: deps.facts(),
        now: deps.now(),
      });
      recordSettings(ctx, 'access', input, before, after);
      return overview(ctx);
    },
  };
}
