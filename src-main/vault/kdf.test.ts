import { describe, expect, it } from 'vitest';
import {
  assertKdfParams,
  calibrateKdf,
  deriveKey,
  isBelowFloor,
  KDF_FLOOR,
  kdfUpgrade,
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

  it('calibrates on CPU time, so a machine kept busy by other programs does not get weak settings', async () => {
    // A machine where the floor costs 120 ms of CPU. Other programs' load stretches wall time but
    // not this process's CPU time, which is all the injected meter reports.
    let cpuMs = 0;
    const measured: KdfParams[] = [];
    const params = await calibrateKdf({
      derive: p => {
        measured.push(p);
        cpuMs += (120 * p.memoryKiB * p.iterations) / (KDF_FLOOR.memoryKiB * KDF_FLOOR.iterations);
        return Promise.resolve();
      },
      cpu: () => cpuMs,
    });
    expect(params).toEqual({ memoryKiB: 262144, iterations: 5, parallelism: 1 });
    expect(measured[0]).toEqual(KDF_FLOOR);
  });

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

  it('raises a slot at sign-in only when it is below the floor or cheaper than 0.5 s of CPU, and only upward', () => {
    const calibrated = { memoryKiB: 262144, iterations: 4, parallelism: 1 };
    const weak = { memoryKiB: 1024, iterations: 1, parallelism: 1 };
    // Below the floor: whatever it cost.
    expect(kdfUpgrade(weak, 900, calibrated)).toEqual(calibrated);
    // At the floor but made on a busy machine: 170 ms of CPU at sign-in.
    expect(kdfUpgrade(KDF_FLOOR, 170, calibrated)).toEqual(calibrated);
    // Inside the design window: left alone.
    expect(kdfUpgrade(KDF_FLOOR, 600, calibrated)).toBeNull();
    // Never downward or sideways: the machine's parameters must cost more than the stored ones.
    expect(kdfUpgrade(calibrated, 100, KDF_FLOOR)).toBeNull();
    expect(kdfUpgrade(KDF_FLOOR, 100, KDF_FLOOR)).toBeNull();
  });
});
