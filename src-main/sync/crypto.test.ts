/** Sealing and key envelopes: what opens, and what an attacker's replay or edit gets (nothing). */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  SealError,
  generateDeviceKeys,
  openChange,
  sealChange,
  unwrapPartitionKey,
  wrapPartitionKey,
} from './crypto';

describe('office sync crypto', () => {
  it('opens a sealed change only with its own partition, key version and change id', () => {
    const key = randomBytes(32);
    const at = {
      partitionId: 'p1',
      keyVersion: 1,
      changeId: '6f1f6f0e-0000-4000-8000-000000000001',
    };
    const sealed = sealChange(key, at, '{"surname":"Шевченко"}');
    expect(openChange(key, at, sealed)).toBe('{"surname":"Шевченко"}');
    for (const other of [
      { ...at, partitionId: 'p2' },
      { ...at, keyVersion: 2 },
      { ...at, changeId: '6f1f6f0e-0000-4000-8000-000000000002' },
    ]) {
      expect(() => openChange(key, other, sealed)).toThrow(SealError);
    }
    const bytes = Buffer.from(sealed, 'base64');
    bytes[20] = (bytes[20] ?? 0) ^ 1;
    expect(() => openChange(key, at, bytes.toString('base64'))).toThrow(SealError);
    expect(() => openChange(randomBytes(32), at, sealed)).toThrow(SealError);
  });

  it('wraps a partition key to one device: that device unwraps it, another does not', () => {
    const partitionKey = randomBytes(32);
    const device = generateDeviceKeys();
    const stranger = generateDeviceKeys();
    const at = { partitionId: 'p1', keyVersion: 3 };
    const wrapped = wrapPartitionKey(partitionKey, device.boxPublic, at);
    expect(unwrapPartitionKey(wrapped, device.boxPrivate, device.boxPublic, at)).toEqual(
      partitionKey,
    );
    expect(() => unwrapPartitionKey(wrapped, stranger.boxPrivate, stranger.boxPublic, at)).toThrow(
      SealError,
    );
    expect(() =>
      unwrapPartitionKey(wrapped, device.boxPrivate, device.boxPublic, { ...at, keyVersion: 4 }),
    ).toThrow(SealError);
  });
});
