/**
 * The peak resident memory of this process in MiB, for the backup and restore children. Linux's
 * `VmHWM` (/proc/self/status) is the high-water mark of this process's own memory since its exec;
 * `getrusage`'s maxRSS (`process.resourceUsage().maxRSS`) is not: it keeps the parent's resident
 * size at the fork, so a child of the bench, which holds a freshly generated vault's worth of
 * garbage, reported the bench's memory (227–249 MiB "peaks" for a 1 GB vault whose backup child
 * itself peaks near 140). Falls back to maxRSS where /proc is missing.
 */
import { readFileSync } from 'node:fs';

/** Peak RSS of this process since it started, in MiB. */
export function peakRssMiB(): number {
  try {
    const m = /^VmHWM:\s+(\d+) kB$/mu.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m?.[1]) return Number(m[1]) / 1024;
  } catch {
    // not Linux
  }
  return process.resourceUsage().maxRSS / 1024;
}
