/**
 * The one fake bridge for renderer unit tests (jsdom): `window.zamok` built from the real contract
 * (src-shared/ipc), where a test scripts the answers of the calls it cares about.
 *
 * - Every input a screen sends is parsed with the channel's own zod input schema first: a screen
 *   (or a test) that sends what main would refuse fails the test loudly instead of passing on a
 *   fake that accepts anything.
 * - Scripting a call the contract does not have, or invoking a channel outside the contract,
 *   throws: a typo in a test cannot silently script nothing.
 * - A contract call the test did not script answers `unknown_channel` (so screens that ask for
 *   optional extras keep working); the call is recorded like any other.
 *
 * Never imported by the app itself.
 */
import { contract, type ZamokApi } from '../../src-shared/ipc';
import {
  buildBridge,
  type CallError,
  type ChannelSpec,
  type Result,
} from '../../src-shared/ipc/contract';

/** Answers for some calls of some features, typed by the contract. */
export type Script = { [F in keyof ZamokApi]?: Partial<ZamokApi[F]> };

/** One recorded call: `feature.call` and the input the screen sent. */
export interface RecordedCall {
  name: string;
  input: unknown;
}

/** A scripted bridge and the calls it has seen, in order. */
export interface ScriptedApi {
  api: ZamokApi;
  calls: RecordedCall[];
}

type Handler = (input: unknown) => Promise<Result<unknown>>;

/** Builds the fake bridge; see the module comment for what it checks. */
export function scriptedApi(script: Script = {}): ScriptedApi {
  const specs = new Map<string, ChannelSpec>();
  for (const [feature, calls] of Object.entries(contract)) {
    for (const [call, spec] of Object.entries(calls)) specs.set(`${feature}.${call}`, spec);
  }
  const handlers = new Map<string, Handler>();
  for (const [feature, calls] of Object.entries(script)) {
    for (const [call, handler] of Object.entries(calls as Record<string, Handler>)) {
      const name = `${feature}.${call}`;
      if (!specs.has(name)) throw new Error(`scriptedApi: ${name} is not in the contract`);
      handlers.set(name, handler);
    }
  }
  const calls: RecordedCall[] = [];
  const api = buildBridge(contract, async (channel, input) => {
    const name = channel.replace(/^zamok:/, '');
    const spec = specs.get(name);
    if (!spec || !channel.startsWith('zamok:')) {
      throw new Error(`scriptedApi: unknown channel ${channel}`);
    }
    const parsed = spec.input.safeParse(input);
    if (!parsed.success) {
      throw new Error(
        `scriptedApi: ${name} called with an input its schema refuses: ${JSON.stringify(input)}\n` +
          parsed.error.message,
      );
    }
    calls.push({ name, input });
    const handler = handlers.get(name);
    if (!handler) return failure('unknown_channel', channel);
    return handler(input);
  });
  return { api, calls };
}

/** The inputs of every call named `name` (`feature.call`), in order. */
export function inputsOf(calls: readonly RecordedCall[], name: string): unknown[] {
  return calls.filter(c => c.name === name).map(c => c.input);
}

/** A successful result. */
export function ok<T>(value: T): Result<T> {
  return { ok: true, value };
}

/** A failed result with the error code as its message. */
export function fail(code: CallError['code'], details?: Record<string, unknown>): Result<never> {
  return failure(code, code, details);
}

function failure(
  code: CallError['code'],
  message: string,
  details?: Record<string, unknown>,
): Result<never> {
  return { ok: false, error: { code, message, ...(details ? { details } : {}) } };
}
