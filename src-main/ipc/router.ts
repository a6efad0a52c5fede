/**
 * The IPC router: one place where every call from every host (Electron, CLI, browser test host) is
 * checked and dispatched. Order per call: sender → channel → input shape → schema → allowed hosts →
 * session → permission (a wrapper) → other wrappers (audit) → handler → `Result`.
 */
import type {
  ContractSpec,
  GrantsOf,
  ParsedInputOf,
  Result,
  ResultOf,
} from '../../src-shared/ipc/contract';
import { channelName, listChannels } from '../../src-shared/ipc/contract';
import { toCallError, type InternalErrorLogger } from './errors';
import { checkInputShape, checkSender, type CallerContext } from './guard';
import type { SessionSource } from './session';
import { describeZodError } from './validation';
import {
  assertEveryChannelHasPermission,
  channelHosts,
  composeWrappers,
  requirePermission,
  type ChannelMeta,
  type HandlerContext,
  type HandlerFn,
  type Wrapper,
} from './wrappers';

/**
 * A channel's handler: a plain function of context and parsed input. Its context's `grants` holds
 * only what the channel declares (reading an undeclared grant is a compile error).
 */
export type Handler<S> = (
  ctx: HandlerContext<GrantsOf<S>>,
  input: ParsedInputOf<S>,
) => ResultOf<S> | Promise<ResultOf<S>>;

/** A handler for every feature and call of the contract: a missing one is a compile error. */
export type Handlers<C extends ContractSpec> = {
  readonly [F in keyof C]: { readonly [K in keyof C[F]]: Handler<C[F][K]> };
};

/** What `createRouter` needs. */
export interface RouterOptions<C extends ContractSpec> {
  contract: C;
  handlers: Handlers<C>;
  sessions: SessionSource;
  /** Run inside the permission check, first = outermost (e.g. the audit wrapper). */
  wrappers?: readonly Wrapper[];
  /** Replaces the default permission wrapper (scope-aware permissions). */
  authorize?: Wrapper;
  /** Where unexpected errors are reported (channel name and error class only). */
  logInternalError?: InternalErrorLogger;
}

/** The router every host calls. */
export interface Router {
  /** Never throws: every outcome is a `Result`. */
  call(channel: string, input: unknown, ctx: CallerContext): Promise<Result<unknown>>;
  /** Every channel name the router serves (`zamok:<feature>.<call>`). */
  readonly channels: readonly string[];
}

interface Route {
  meta: ChannelMeta;
  run: HandlerFn;
}

/**
 * Builds the router. Throws at startup if a channel lacks a declared permission or a handler, or if
 * a handler exists for no declared channel.
 */
export function createRouter<C extends ContractSpec>(options: RouterOptions<C>): Router {
  const { contract, sessions } = options;
  assertEveryChannelHasPermission(contract);
  const handlerTable = options.handlers as unknown as Record<string, Record<string, unknown>>;
  const wrappers = [options.authorize ?? requirePermission, ...(options.wrappers ?? [])];

  // A Map, not an object: a channel named `constructor` or `__proto__` must not find anything.
  const routes = new Map<string, Route>();
  for (const { feature, call, name, spec } of listChannels(contract)) {
    const handler = ownHandler(handlerTable, feature, call);
    if (typeof handler !== 'function')
      throw new Error(`Refusing to start the router: no handler for ${name}`);
    const meta: ChannelMeta = Object.freeze({ name, feature, call, spec });
    routes.set(name, { meta, run: composeWrappers(meta, handler as HandlerFn, wrappers) });
  }
  for (const [feature, calls] of Object.entries(handlerTable)) {
    for (const call of Object.keys(calls)) {
      if (!routes.has(channelName(feature, call))) {
        throw new Error(
          `Refusing to start the router: handler for undeclared channel ${feature}.${call}`,
        );
      }
    }
  }

  async function call(
    channel: string,
    input: unknown,
    caller: CallerContext,
  ): Promise<Result<unknown>> {
    let name = '(unknown channel)';
    try {
      const senderProblem = checkSender(caller);
      if (senderProblem) return { ok: false, error: senderProblem };
      const route = typeof channel === 'string' ? routes.get(channel) : undefined;
      if (!route) {
        return { ok: false, error: { code: 'unknown_channel', message: 'No such call.' } };
      }
      name = route.meta.name;
      const shapeProblem = checkInputShape(input);
      if (shapeProblem) return { ok: false, error: shapeProblem };
      const parsed = route.meta.spec.input.safeParse(input);
      if (!parsed.success) return { ok: false, error: describeZodError(parsed.error) };
      const hosts = channelHosts(route.meta.spec);
      if (hosts && !hosts.includes(caller.host)) {
        return {
          ok: false,
          error: { code: 'forbidden', message: 'This call is not available here.' },
        };
      }
      const ctx: HandlerContext = {
        caller,
        session: sessions.current(),
        channel: route.meta,
        grant: null,
        grants: {},
        audit: {},
      };
      const value = await route.run(ctx, parsed.data);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toCallError(error, name, options.logInternalError) };
    }
  }

  return Object.freeze({ call, channels: Object.freeze([...routes.keys()]) });
}

/** The handler at `table[feature][call]`, looking at own properties only. */
function ownHandler(
  table: Record<string, Record<string, unknown>>,
  feature: string,
  call: string,
): unknown {
  const calls = Object.hasOwn(table, feature) ? table[feature] : undefined;
  return calls && Object.hasOwn(calls, call) ? calls[call] : undefined;
}
