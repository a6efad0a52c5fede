/**
 * The composed app (src-main/app/compose.ts: guard, audit, session guard and permission wrappers)
 * refuses every channel that is not `public` to a caller without a session — before any vault
 * exists, while locked and after sign-out — with `unauthenticated` ("Please sign in first."): the
 * permission wrapper answers before any handler, or any declared second permission, is looked at.
 * Inputs are the channels' valid samples (src-main/ipc/testing.ts), so the schema lets them through;
 * a channel restricted to some hosts is called from one it allows.
 */
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/ipc';
import { listChannels, type CallError } from '../../src-shared/ipc/contract';
import type { CallerContext } from '../ipc';
import { validSamples } from '../ipc/router.test-support';
import { channelHosts } from '../ipc/wrappers';
import { ok, ownerVault, testClock } from '../users/staff-app.test-support';
import { createNoKeychainStore } from '../vault';
import { makeTempDir, TEST_KDF } from '../vault/temp-vault.test-support';
import { createZamokApp, type ZamokApp } from './compose';

/** The only channels callable without a session (a change here deserves a security review). */
const PUBLIC_CHANNELS = [
  'zamok:auth.status',
  'zamok:auth.beginTotpEnrollment',
  'zamok:auth.createVault',
  'zamok:auth.signIn',
  'zamok:auth.resetPasswordWithRecoveryKey',
  'zamok:auth.signOut',
  'zamok:vault.revealDataKey',
  'zamok:backup.restoreFirstRun',
  // Byte counts of the running backup or restore: a restore ends the session before it unpacks.
  'zamok:backup.progress',
];

const SIGN_IN_FIRST: CallError = { code: 'unauthenticated', message: 'Please sign in first.' };

const channels = listChannels(contract);
const guarded = channels.filter(c => c.spec.permission !== 'public');

const apps: ZamokApp[] = [];
afterEach(() => {
  for (const app of apps.splice(0)) app.dispose();
});

/** A caller the channel's host restriction allows (the browser test host unless restricted). */
function callerFor(spec: (typeof channels)[number]['spec']): CallerContext {
  const host = channelHosts(spec)?.[0] ?? 'preview';
  return host === 'electron'
    ? { host, sender: { frameUrl: 'app://zamok/index.html', isMainFrame: true } }
    : { host };
}

/** Calls every guarded channel with its sample; returns `name → error` for each answer. */
async function callEveryGuardedChannel(app: ZamokApp): Promise<Record<string, unknown>> {
  const answers: Record<string, unknown> = {};
  for (const { name, spec } of guarded) {
    const sample = validSamples[name];
    if (!sample) throw new Error(`no valid sample for ${name} (src-main/ipc/testing.ts)`);
    const result = await app.router.call(name, sample.input, callerFor(spec));
    answers[name] = result.ok ? { ok: true } : result.error;
  }
  return answers;
}

/** What every guarded channel must answer. */
function allRefused(): Record<string, unknown> {
  return Object.fromEntries(guarded.map(c => [c.name, SIGN_IN_FIRST]));
}

describe('the composed app without a session', () => {
  it('has exactly the reviewed public channels; every other one needs a session', () => {
    expect(channels.filter(c => c.spec.permission === 'public').map(c => c.name)).toEqual(
      PUBLIC_CHANNELS,
    );
    expect(guarded.length).toBe(channels.length - PUBLIC_CHANNELS.length);
    expect(guarded.length).toBeGreaterThan(90);
  });

  it('refuses every non-public channel before any vault exists', async () => {
    const app = createZamokApp({
      vaultDir: join(makeTempDir('zamok-no-session-'), 'vault'),
      host: 'preview',
      kdf: TEST_KDF,
      deviceStore: createNoKeychainStore(),
    });
    apps.push(app);
    expect(await callEveryGuardedChannel(app)).toEqual(allRefused());
  });

  it('refuses every non-public channel while locked and after sign-out', async () => {
    const clock = testClock();
    const { staff } = await ownerVault(clock);
    apps.push(staff.app);
    await ok(staff.call('auth.lock'));
    expect(staff.app.state.session).toBeNull();
    expect(await callEveryGuardedChannel(staff.app)).toEqual(allRefused());

    await ok(staff.call('auth.signOut'));
    expect(await callEveryGuardedChannel(staff.app)).toEqual(allRefused());
  });
});
