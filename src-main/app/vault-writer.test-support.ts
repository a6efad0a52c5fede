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
export function ackedName(n: number, prefix = 'Acked'): string {
  let letters = '';
  for (let rest = n; rest > 0; rest = Math.floor((rest - 1) / 26))
    letters = String.fromCharCode(97 + ((rest - 1) % 26)) + letters;
  return `${prefix}${letters}`;
}

/** Creates an owner vault at `<root>/vault` in a child process; returns its folder and TOTP secret. */
export function createWriterVault(root: string): {
  dir: string;
  secret: string;
  recoveryKey: string;
} {
  const dir = join(root, 'vault');
  const made = spawnSync(process.execPath, ['--import', 'tsx', FIXTURE, 'create', dir], {
    encoding: 'utf8',
    timeout: 120_000,
  });
  if (made.status !== 0) throw new Error(`create failed: ${made.stderr}`);
  const printed = JSON.parse(made.stdout) as { secret: string; recoveryKey: string };
  return { dir, secret: printed.secret, recoveryKey: printed.recoveryKey };
}

/** A running writer: the number of acknowledged contacts so far, and its exit. */
export interface Writer {
  readonly child: ChildProcess;
  acked(): number;
  /** Resolves once `n` contacts are acknowledged (rejects if the child ends first). */
  until(n: number): Promise<void>;
  /** SIGKILL, resolved once the process is gone. */
  kill(): Promise<void>;
  stdout(): string;
  stderr(): string;
  /** Lockstep writers: asks for one more write. */
  go(): void;
}

/** What a writer child does besides writing `count` contacts (0: until killed). */
export interface WriterOptions {
  count?: number;
  /** `lockstep`: one write per `go()`, until killed. */
  end?: 'close' | 'hold' | 'lockstep';
  /** TOTP steps ahead of now for its sign-in (each process signing in needs its own). */
  step?: number;
  /** Surname prefix of its contacts. */
  prefix?: string;
}

/** Starts a writer child on `dir`. */
export function startWriter(dir: string, secret: string, o: WriterOptions = {}): Writer {
  const args = [String(o.count ?? 0), o.end ?? 'hold', String(o.step ?? 1), o.prefix ?? 'Acked'];
  return watch(
    spawn(process.execPath, ['--import', 'tsx', FIXTURE, 'write', dir, secret, ...args], {
      stdio: [o.end === 'lockstep' ? 'pipe' : 'ignore', 'pipe', 'pipe'],
    }),
  );
}

/** Starts a child that unlocks `dir` and holds its write lock; `until(1)` once it holds it. */
export function startLockHolder(dir: string): Writer {
  return watch(
    spawn(process.execPath, ['--import', 'tsx', FIXTURE, 'hold-lock', dir], {
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
  );
}

function watch(child: ChildProcess): Writer {
  let acked = 0;
  let err = '';
  let out = '';
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
    out += chunk.toString();
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
      else w.reject(new Error(`writer ended after ${acked} acks: ${out.slice(-500)} ${err}`));
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
    stdout: () => out,
    stderr: () => err,
    go: () => void child.stdin?.write('go\n'),
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
  const writer = startWriter(dir, secret, { count, end: 'close' });
  await writer.until(count);
  await new Promise<void>(resolve =>
    writer.child.exitCode !== null ? resolve() : writer.child.on('exit', () => resolve()),
  );
  if (writer.child.exitCode !== 0) throw new Error(`writer failed: ${writer.stderr()}`);
}
