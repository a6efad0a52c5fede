/**
 * Argon2id key derivation for key slots, and its calibration on the creating machine.
 */
import { hashRaw } from '@node-rs/argon2';

/** Argon2id cost parameters, stored per slot in keyring.json. */
export interface KdfParams {
  memoryKiB: number;
  iterations: number;
  parallelism: number;
}

/** The lowest parameters the app and CLI ever use (OWASP's m=64 MiB, t=3 tier). Tests pass lower ones explicitly. */
export const KDF_FLOOR: KdfParams = Object.freeze({
  memoryKiB: 65536,
  iterations: 3,
  parallelism: 1,
});

/**
 * Hard bounds accepted from keyring.json, so an edited file cannot make us allocate gigabytes or spin
 * for hours. The lower bounds are Argon2's own minimums (m ≥ 8·p KiB).
 */
export const KDF_LIMITS = Object.freeze({
  memoryKiB: { min: 8, max: 4 * 1024 * 1024 },
  iterations: { min: 1, max: 64 },
  parallelism: { min: 1, max: 16 },
});

/** Memory cap for calibration: grow time, not memory, past 256 MiB (the Electron main process shares RAM). */
const CALIBRATION_MAX_MEMORY_KIB = 262144;

/** Throws a RangeError when parameters are outside `KDF_LIMITS` (a programming error, not user input). */
export function assertKdfParams(p: KdfParams): void {
  for (const field of ['memoryKiB', 'iterations', 'parallelism'] as const) {
    const value = p[field];
    const { min, max } = KDF_LIMITS[field];
    if (!Number.isInteger(value) || value < min || value > max) {
      throw new RangeError(`kdf.${field} must be an integer in ${min}..${max}.`);
    }
  }
  if (p.memoryKiB < 8 * p.parallelism)
    throw new RangeError('kdf.memoryKiB must be ≥ 8 × parallelism.');
}

/** True when `p` is weaker than `KDF_FLOOR` in memory or iterations (the security check reports it). */
export function isBelowFloor(p: KdfParams): boolean {
  return p.memoryKiB < KDF_FLOOR.memoryKiB || p.iterations < KDF_FLOOR.iterations;
}

/** Argon2id(secret, salt) → 32 bytes. */
export async function deriveKey(
  secret: string | Uint8Array,
  salt: Uint8Array,
  p: KdfParams,
): Promise<Buffer> {
  return hashRaw(secret, {
    // 2 = Algorithm.Argon2id; the package declares it as an ambient const enum, which isolatedModules cannot read.
    algorithm: 2,
    memoryCost: p.memoryKiB,
    timeCost: p.iterations,
    parallelism: p.parallelism,
    outputLen: 32,
    salt,
  });
}

async function measureMs(p: KdfParams): Promise<number> {
  const start = performance.now();
  await deriveKey('calibration', Buffer.alloc(16, 7), p);
  return performance.now() - start;
}

/**
 * Picks Argon2id parameters that take about `targetMs` (default 750 ms, i.e. inside 0.5–1 s) on this
 * machine: memory grows first (up to 256 MiB), then iterations. Never returns less than `KDF_FLOOR`.
 * `measureMs` times one derivation (default: a real one); tests pass a model of a machine.
 */
export async function calibrateKdf(opts?: {
  targetMs?: number;
  measureMs?: (p: KdfParams) => Promise<number>;
}): Promise<KdfParams> {
  const targetMs = opts?.targetMs ?? 750;
  const measure = opts?.measureMs ?? measureMs;
  let params: KdfParams = { ...KDF_FLOOR };
  await measure(params); // warm-up: the first run pays for page faults
  let ms = await measure(params);
  if (ms < targetMs) {
    const growth = Math.min(targetMs / ms, CALIBRATION_MAX_MEMORY_KIB / params.memoryKiB);
    // Whole MiB; Argon2 time is roughly linear in m·t.
    const memoryKiB = Math.max(
      KDF_FLOOR.memoryKiB,
      Math.floor((params.memoryKiB * growth) / 1024) * 1024,
    );
    params = { ...params, memoryKiB };
    ms = await measure(params);
  }
  for (let round = 0; round < 4; round++) {
    if (ms >= targetMs * 0.8 && ms <= targetMs * 1.2) break;
    const iterations = Math.max(
      KDF_FLOOR.iterations,
      Math.min(KDF_LIMITS.iterations.max, Math.round((params.iterations * targetMs) / ms)),
    );
    if (iterations === params.iterations) break;
    params = { ...params, iterations };
    ms = await measure(params);
  }
  return params;
}
