/**
 * Test-only: runs vault-writer.fixture.ts as real child processes (create a vault, write
 * acknowledged contacts until killed) for the crash, damage and two-process tests.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CLI_OWNER } from '../cli/cli.test-support';
import { createNoKeychainStore, unlockWithPassword, type OpenVault } from '../vault';

const FIXTURE = fileURLToPath(new URL('./vault-writer.fixture.ts', import.meta.url));

/** The surname of the n-th acknowledged contact: letters only (names refuse digits). */
export function ackedName(n: number): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(97 + ((rest - 1) % 26)) + letters;
  return `Acked${letters}`;
}

/** Creates an owner vault at `<root>/vault` in a child process; returns its folder and TOTP secret. */
export function createWriterVault(root: string): { dir: string; secret: string } {
  const dir = join(root, 'vault');
  const made = spawnSync(process.execPath, ['--import', 'tsx', FIXTURE, 'create', dir], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (made.status !== 0) throw new Error(`create failed: ${made.stderr}`);
  return { dir, secret: (JSON.parse(made.stdout) as { secret: string }).secret };
}

/** A running writer: the number of acknowledged contacts so far, and its exit. */
export interface Writer {
  readonly child: ChildProcess;
  acked(): number;
  /** Resolves once `n` contacts are acknowledged (rejects if the child ends first). */
  until(n: number): Promise<void>;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
  stderr(): string;
}

/** Starts a writer child on `dir` (`count` 0: until killed). */
export function startWriter(dir: string, secret: string, count = 0, end = 'hold'): Writer {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', FIXTURE, 'write', dir, secret, String(count), end],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let acked = 0;
  let err = '';
  let buffered = '';
  const waiting: { n: number; resolve: () => void; reject: (e: Error) => void }[] = [];
  const settle = () => {
    for (const w of waiting.splice(0)) {
      if (acked >= w.n) w.resolve();
      else waiting.push(w);
    }
  };
  child.stderr?.on('data', (chunk: Buffer) => (err += chunk.toString()));
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) if (line.startsWith('ack ')) acked = Number(line.slice(4));
    settle();
  });
  const exited = new Promise<void>(resolve => child.on('exit', () => resolve()));
  void exited.then(() => {
    for (const w of waiting.splice(0)) {
      if (acked >= w.n) w.resolve();
      else w.reject(new Error(`writer ended after ${acked} acks: ${err}`));
    }
  });
  return {
    child,
    acked: () => acked,
    until: n =>
      new Promise<void>((resolve, reject) => {
        waiting.push({ n, resolve, reject });
        settle();
      }),
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stderr: () => err,
  };
}

/** Unlocks a writer vault as its owner (no TOTP: the vault layer only). */
export function unlockOwner(dir: string): Promise<OpenVault> {
  return unlockWithPassword(dir, CLI_OWNER.login, CLI_OWNER.password, {
    deviceStore: createNoKeychainStore(),
  });
}

/** Runs a writer for `count` contacts that signs out at the end (a clean close). */
export async function writeAndClose(dir: string, secret: string, count: number): Promise<void> {
  const writer = startWriter(dir, secret, count, 'close');
  await writer.until(count);
  await new Promise<void>(resolve =>
    writer.child.exitCode !== null ? resolve() : writer.child.on('exit', () => resolve()),
  );
  if (writer.child.exitCode !== 0) throw new Error(`writer failed: ${writer.stderr()}`);
}
