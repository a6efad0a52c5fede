import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { contract } from '../../src-shared/ipc';
import { listChannels, type CallError, type Result } from '../../src-shared/ipc/contract';
import type { CallerContext } from './guard';
import { createRouter } from './router';
import { noSessions } from './session';
import {
  malformedPayloads,
  ownerSession,
  recordingHandlers,
  validSamples,
} from './router.test-support';

const cli: CallerContext = { host: 'cli' };
const appFrame: CallerContext = {
  host: 'electron',
  sender: { frameUrl: 'app://zamok/index.html', isMainFrame: true },
};

function errorOf(result: Result<unknown>): CallError | undefined {
  return result.ok ? undefined : result.error;
}

describe('router: channels restricted to some hosts', () => {
  // A plain object (not `channel()`) so the test does not depend on how `hosts` is typed there.
  const cliOnly = {
    input: z.object({}).strict(),
    permission: 'public' as const,
    hosts: ['cli'] as const,
  };
  const hostsDemo = { vault: { revealDataKey: cliOnly } };

  it('serves a CLI-only channel to the CLI and refuses it to the window and the browser host', async () => {
    const ran: string[] = [];
    const router = createRouter({
      contract: hostsDemo,
      handlers: { vault: { revealDataKey: ctx => void ran.push(ctx.caller.host) } },
      sessions: noSessions,
    });
    expect((await router.call('zamok:vault.revealDataKey', {}, cli)).ok).toBe(true);
    for (const caller of [appFrame, { host: 'preview' } as const]) {
      const result = await router.call('zamok:vault.revealDataKey', {}, caller);
      expect(errorOf(result)?.code).toBe('forbidden');
    }
    expect(ran).toEqual(['cli']);
  });

  it('refuses to start when hosts names an unknown host or none', () => {
    for (const hosts of [['browser'], [], 'cli']) {
      const bad = { vault: { revealDataKey: { ...cliOnly, hosts } } };
      expect(() =>
        createRouter({
          contract: bad as never,
          handlers: { vault: { revealDataKey: () => 1 } } as never,
          sessions: noSessions,
        }),
      ).toThrow(/hosts must list electron, cli or preview/);
    }
  });
});

describe('router: malformed input on every channel of the real contract', () => {
  const channels = listChannels(contract);

  it('has a valid sample for every channel (add one with each new channel)', () => {
    expect(channels.map(c => c.name).filter(name => !validSamples[name])).toEqual([]);
  });

  for (const { name } of channels) {
    it(`${name}: accepts its sample, refuses every malformed variant before the handler`, async () => {
      const { handlers, calls } = recordingHandlers(contract);
      const router = createRouter({
        contract,
        handlers,
        sessions: { current: () => ownerSession },
      });
      const sample = validSamples[name];
      if (!sample) throw new Error(`no sample for ${name}`);

      const accepted = await router.call(name, sample.input, cli);
      expect(accepted).toEqual({ ok: true, value: { handled: name } });
      expect(calls).toHaveLength(1);

      for (const { label, input } of malformedPayloads(sample)) {
        const result = await router.call(name, input, cli);
        expect(errorOf(result)?.code, `${name} / ${label}`).toBe('invalid_input');
        expect(JSON.stringify(result)).not.toContain('xxxxxxxxxx');
      }
      expect(calls).toHaveLength(1);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    });
  }
});
