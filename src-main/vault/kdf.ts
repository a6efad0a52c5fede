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

/** The unlock time the design aims at, in CPU milliseconds (inside its 0.5–1 s window). */
export const KDF_TARGET_MS = 750;

/** The low end of the design window: a slot whose derivation costs less is re-calibrated upward. */
export const KDF_DESIGN_MIN_MS = 500;

/** A reading of CPU time used so far, in milliseconds (only differences between readings count). */
export type CpuMeter = () => number;

/**
 * CPU time of this process (user + system, every thread: Argon2id runs on libuv's thread pool), in
 * ms. Unlike wall time it does not grow when other programs keep the machine busy, so a vault made
 * on a loaded machine does not get weak parameters (a load of 14 once gave 170 ms instead of 750).
 */
export function processCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** What one derivation with `p` costs on `cpu`: `derive` runs once between two readings. */
async function measureCpu(
  p: KdfParams,
  derive: (p: KdfParams) => Promise<unknown>,
  cpu: CpuMeter,
): Promise<number> {
  const before = cpu();
  await derive(p);
  return cpu() - before;
}

/**
 * Picks Argon2id parameters whose derivation costs about `targetMs` of CPU time (default 750 ms,
 * inside the 0.5–1 s design) on this machine: memory grows first (up to 256 MiB), then iterations.
 * Never returns less than `KDF_FLOOR`. CPU time, not wall time: a busy machine at vault creation
 * would otherwise look slow and get weak settings. Tests inject `measureMs` (a model of a machine)
 * or `derive` + `cpu` (a fake derivation and CPU meter).
 */
export async function calibrateKdf(opts?: {
  targetMs?: number;
  measureMs?: (p: KdfParams) => Promise<number>;
  derive?: (p: KdfParams) => Promise<unknown>;
  cpu?: CpuMeter;
}): Promise<KdfParams> {
  const targetMs = opts?.targetMs ?? KDF_TARGET_MS;
  const derive = opts?.derive ?? (p => deriveKey('calibration', Buffer.alloc(16, 7), p));
  const cpu = opts?.cpu ?? processCpuMs;
  const measure = opts?.measureMs ?? (p => measureCpu(p, derive, cpu));
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

/**
 * The parameters to rewrap a password slot with after a sign-in, or null to leave it: only when its
 * stored parameters are below `KDF_FLOOR` or its derivation just cost less than
 * `KDF_DESIGN_MIN_MS` of CPU time (`cpuMs`), and only upward — to `target` (this machine's
 * calibration) when that costs more (m·t) than what is stored.
 */
export function kdfUpgrade(stored: KdfParams, cpuMs: number, target: KdfParams): KdfParams | null {
  if (!isBelowFloor(stored) && cpuMs >= KDF_DESIGN_MIN_MS) return null;
  const cost = (p: KdfParams) => p.memoryKiB * p.iterations;
  if (cost(target) <= cost(stored)) return null;
  return { ...target };
}
