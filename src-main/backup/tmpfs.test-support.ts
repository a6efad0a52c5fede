/**
 * Test-only: a real small file system (tmpfs) for disk-full and read-only tests. Mounting needs
 * root (CI runs as root); elsewhere `TMPFS.available` is false and the tests skip with the printed
 * reason — never silently.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { makeTempDir } from '../vault/temp-vault.test-support';

function run(args: string[]): void {
  execFileSync(args[0] ?? 'true', args.slice(1), { stdio: 'pipe' });
}

function probe(): { available: true } | { available: false; reason: string } {
  const dir = makeTempDir('zamok-tmpfs-probe-');
  try {
    run(['mount', '-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', dir]);
    run(['umount', dir]);
    return { available: true };
  } catch (err) {
    const stderr = (err as { stderr?: Buffer }).stderr?.toString().trim();
    const text = stderr || (err instanceof Error ? err.message.split('\n')[0] : String(err));
    return { available: false, reason: `mounting a tmpfs is not permitted here (${text})` };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Whether this machine lets the tests mount a tmpfs, and why not. */
export const TMPFS = probe();

/** Prints why a file's disk tests are skipped (call at the top of the file). */
export function reportTmpfsSkip(what: string): void {
  if (!TMPFS.available) console.warn(`SKIPPED ${what}: ${TMPFS.reason}`);
}

/** A mounted tmpfs of `sizeKiB` (rounded up to whole 4 KiB pages by the kernel). */
export interface SmallDisk {
  dir: string;
  readOnly(): void;
  writable(): void;
  unmount(): void;
}

/** Mounts a tmpfs of `sizeKiB` on a new temp folder. */
export function mountSmallDisk(sizeKiB: number): SmallDisk {
  const dir = makeTempDir('zamok-small-disk-');
  run(['mount', '-t', 'tmpfs', '-o', `size=${sizeKiB}k,mode=0700`, 'tmpfs', dir]);
  return {
    dir,
    readOnly: () => run(['mount', '-o', 'remount,ro', dir]),
    writable: () => run(['mount', '-o', 'remount,rw', dir]),
    unmount: () => {
      try {
        run(['umount', dir]);
      } catch {
        run(['umount', '-l', dir]); // a stream still open: detach now, freed when it closes
      }
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
