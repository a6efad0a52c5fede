import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from './channel-names';
import { contract } from './index';
import { buildBridge, buildBridgeFromNames } from './contract';

describe('CHANNEL_NAMES', () => {
  it('names exactly the channels of the contract', () => {
    const fromContract = Object.fromEntries(
      Object.entries(contract).map(([feature, calls]) => [feature, Object.keys(calls).sort()]),
    );
    const listed = Object.fromEntries(
      Object.entries(CHANNEL_NAMES).map(([feature, calls]) => [feature, [...calls].sort()]),
    );
    expect(listed).toEqual(fromContract);
  });

  it('builds the same bridge as the contract does', async () => {
    const seen: string[] = [];
    const invoke = (channel: string) => {
      seen.push(channel);
      return Promise.resolve({ ok: true as const, value: channel });
    };
    const fromNames = buildBridgeFromNames<typeof contract>(CHANNEL_NAMES, invoke);
    const fromContract = buildBridge(contract, invoke);
    expect(Object.keys(fromNames).sort()).toEqual(Object.keys(fromContract).sort());
    expect(Object.isFrozen(fromNames.contacts)).toBe(true);
    await fromNames.contacts.create({ contact: { surname: 'Коваль' } });
    expect(seen).toEqual(['zamok:contacts.create']);
  });
});
