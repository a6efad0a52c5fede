import { describe, expect, it } from 'vitest';
import {
  assertKdfParams,
  calibrateKdf,
  deriveKey,
  isBelowFloor,
  KDF_FLOOR,
  type KdfParams,
} from './kdf';

describe('Argon2id parameters', () => {
  it('calibrates a real derivation on this machine, never below m=64 MiB, t=3', async () => {
    const params = await calibrateKdf();
    expect(isBelowFloor(params)).toBe(false);
    expect(params.memoryKiB).toBeGreaterThanOrEqual(65536);
    expect(params.iterations).toBeGreaterThanOrEqual(3);
    expect(params.memoryKiB % 1024).toBe(0);
    // How long it then takes is machine and load dependent: measured by `npm run bench`, not here.
  });

  /** A machine on which the floor (m=64 MiB, t=3) takes `floorMs`; time grows with m·t. */
  const machine = (floorMs: number) => async (p: KdfParams) =>
    (floorMs * p.memoryKiB * p.iterations) / (KDF_FLOOR.memoryKiB * KDF_FLOOR.iterations);

  it.each([
    [20, { memoryKiB: 262144, iterations: 28 }],
    [120, { memoryKiB: 262144, iterations: 5 }],
    [400, { memoryKiB: 122880, iterations: 3 }],
    [1000, { memoryKiB: 65536, iterations: 3 }],
  ])(
    'on a machine where the floor takes %i ms: memory first, then iterations, near 750 ms',
    async (floorMs, expected) => {
      const measure = machine(floorMs);
      const params = await calibrateKdf({ measureMs: measure });
      expect(params).toEqual({ ...expected, parallelism: 1 });
      const ms = await measure(params);
      // Within 0.8–1.2 × the target, unless even the floor is slower than that (then the floor).
      expect(ms).toBeGreaterThanOrEqual(Math.min(600, floorMs));
      expect(ms).toBeLessThanOrEqual(Math.max(900, floorMs));
    },
  );

  it('stays at the floor even when asked for a tiny target', async () => {
    const params = await calibrateKdf({ targetMs: 1 });
    expect(params).toEqual(KDF_FLOOR);
  });

  it('flags parameters weaker than the floor', () => {
    expect(isBelowFloor(KDF_FLOOR)).toBe(false);
    expect(isBelowFloor({ memoryKiB: 1024, iterations: 1, parallelism: 1 })).toBe(true);
    expect(isBelowFloor({ memoryKiB: 65536, iterations: 2, parallelism: 1 })).toBe(true);
    expect(isBelowFloor({ memoryKiB: 32768, iterations: 10, parallelism: 1 })).toBe(true);
  });

  it('rejects parameters that would exhaust memory or are not integers', () => {
    expect(() =>
      assertKdfParams({ memoryKiB: 64 * 1024 * 1024, iterations: 3, parallelism: 1 }),
    ).toThrow(RangeError);
    expect(() => assertKdfParams({ memoryKiB: 65536, iterations: 0, parallelism: 1 })).toThrow(
      RangeError,
    );
    expect(() => assertKdfParams({ memoryKiB: 65536.5, iterations: 3, parallelism: 1 })).toThrow(
      RangeError,
    );
  });

  it('derives the same 32 bytes for the same input and different ones for another salt', async () => {
    const p = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
    const a = await deriveKey('pw', Buffer.alloc(16, 1), p);
    expect(a).toHaveLength(32);
    expect(await deriveKey('pw', Buffer.alloc(16, 1), p)).toEqual(a);
    expect(await deriveKey('pw', Buffer.alloc(16, 2), p)).not.toEqual(a);
  });
});
