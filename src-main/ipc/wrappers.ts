/**
 * Cross-cutting rules composed around plain handlers: the permission check (always applied by the
 * router: the channel's permission, its conditional `also` permissions and the extra `grants` it
 * hands to the handler) and whatever the app adds (audit). A handler never checks permissions by hand.
 */
import type {
  AlsoRequired,
  ChannelPermission,
  ChannelSpec,
  ContractSpec,
  VaultFacts,
} from '../../src-shared/ipc/contract';
import { listChannels } from '../../src-shared/ipc/contract';
import {
  PERMISSIONS,
  type Grants,
  type Permission,
  type Scope,
} from '../../src-shared/permissions';
import { grantOf } from '../../src-shared/roles';
import type { AuditNote } from '../calls/audit-note';
import { CallFailure } from './errors';
import type { CallerContext } from './guard';
import type { Session } from './session';

/** Re-exported for the handlers: the type lives in ../calls so services need not import the router. */
export type { AuditNote };

/** Identifies a channel for wrappers, handlers and logs. */
export interface ChannelMeta {
  /** `zamok:<feature>.<call>` */
  name: string;
  feature: string;
  call: string;
  spec: ChannelSpec;
}

/** The permission a call was allowed under, with the caller's scope for scoped permissions. */
export interface Grant {
  permission: Permission;
  /** own / team / all for scoped permissions; null for plain ones. The handler's SQL applies it. */
  scope: Scope | null;
}

/**
 * The caller's grants of the permissions a channel declares in `grants`: one key per declared
 * permission, its scope (scoped permissions) or `true` (plain ones), undefined when the role lacks
 * it. Typed per channel: a handler (or a helper asking for `HandlerContext<'companies.read'>`)
 * compiles only where the channel declares what it reads.
 */
export type DeclaredGrants<G extends Permission = never> = { readonly [P in G]: Grants[P] };

/** What a handler receives besides its parsed input (`G`: the extra grants its channel declares). */
export interface HandlerContext<G extends Permission = never> {
  caller: CallerContext;
  /** The session at the time of the call (null before sign-in or while locked). */
  session: Session | null;
  channel: ChannelMeta;
  /** Set by the permission wrapper for channels that declare a permission string. */
  grant: Grant | null;
  /** Set by the permission wrapper from the channel's `grants` declaration (else empty). */
  grants: DeclaredGrants<G>;
  /** Filled by the handler, written by the audit wrapper. */
  audit: AuditNote;
}

/** A handler after type erasure, as wrappers see it. */
export type HandlerFn = (ctx: HandlerContext, input: unknown) => unknown;

/** Wraps a channel's handler: `(meta, next) => (ctx, input) => …next(ctx, input)…`. */
export type Wrapper = (meta: ChannelMeta, next: HandlerFn) => HandlerFn;

/** Composes wrappers around a handler; the first wrapper is the outermost. */
export function composeWrappers(
  meta: ChannelMeta,
  handler: HandlerFn,
  wrappers: readonly Wrapper[],
): HandlerFn {
  return wrappers.reduceRight<HandlerFn>((next, wrap) => wrap(meta, next), handler);
}

/** Returns the session, or throws `unauthenticated` (for handlers of `session`-level channels). */
export function requireSession(ctx: HandlerContext): Session {
  if (!ctx.session) throw new CallFailure('unauthenticated', 'Please sign in first.');
  return ctx.session;
}

/** Calls a session restricted to its first sign-in may still make. */
const FIRST_SIGN_IN_CALLS: ReadonlySet<string> = new Set([
  'zamok:auth.status',
  'zamok:auth.beginTotpEnrollment',
  'zamok:auth.completeFirstSignIn',
  'zamok:auth.signOut',
  'zamok:auth.lock',
]);

/** Where the permission wrapper reads the opened vault's facts for `also` conditions. */
export interface PermissionWrapperOptions {
  /** The facts of the vault the session opened (read lazily, only by conditions that ask). */
  vault: VaultFacts;
}

/**
 * Facts of no vault: a router built without a source cannot judge a condition that reads the
 * vault, so such a call fails (`internal`) rather than passing unchecked.
 */
const NO_VAULT_FACTS: VaultFacts = Object.freeze({
  officeMembership(): never {
    throw new Error('This router has no vault facts for a declared condition.');
  },
});

/**
 * The permission wrapper: `public` passes; `session` needs a session; a permission string needs a
 * session whose role grants it, and hands the grant (with its scope) to the handler as `ctx.grant`.
 * Then each `also` requirement whose condition the input (or the vault's facts) meets needs its
 * permission too (refused with its own message), and the grants the channel declares in `grants`
 * are handed over as `ctx.grants`. A session still restricted to its first sign-in may only
 * finish it.
 */
export function createPermissionWrapper(o: PermissionWrapperOptions): Wrapper {
  return (meta, next) => {
    const { permission, also = [], grants: declared = [] } = meta.spec;
    if (permission === 'public') return next;
    return (ctx, input) => {
      const session = requireSession(ctx);
      if (session.restricted && !FIRST_SIGN_IN_CALLS.has(meta.name)) {
        throw new CallFailure(
          'password_change_required',
          'Set your own password and two-factor code first.',
        );
      }
      let grant: Grant | null = ctx.grant;
      if (permission !== 'session') {
        const granted = grantOf(session.grants, permission);
        if (granted === undefined) throw new CallFailure('forbidden', FORBIDDEN_MESSAGE);
        grant = { permission, scope: granted === true ? null : granted };
      }
      for (const rule of also) {
        // Judged only for callers without the permission: its holders never read the vault here.
        if (grantOf(session.grants, rule.permission) === undefined && rule.when(input, o.vault)) {
          throw new CallFailure('forbidden', rule.message);
        }
      }
      return next({ ...ctx, grant, grants: declaredGrants(session.grants, declared) }, input);
    };
  };
}

/**
 * The permission wrapper without vault facts (the router's default, and tests of channels whose
 * conditions read only the input); the app composes {@link createPermissionWrapper} with its vault.
 */
export const requirePermission: Wrapper = createPermissionWrapper({ vault: NO_VAULT_FACTS });

/** The refusal of a call the caller's role does not grant. */
export const FORBIDDEN_MESSAGE = 'Your role does not allow this.';

/** The caller's grants of `declared` (a fresh object: handlers never reach the session's map). */
function declaredGrants(held: Grants, declared: readonly Permission[]): DeclaredGrants<Permission> {
  const picked: Record<string, Scope | true | undefined> = {};
  for (const permission of declared) picked[permission] = grantOf(held, permission);
  // Built from the declaration at runtime; its per-channel type is the declaration's (router.ts).
  return Object.freeze(picked) as DeclaredGrants<Permission>;
}

const knownPermissions: ReadonlySet<string> = new Set<string>([
  'public',
  'session',
  ...PERMISSIONS,
]);

/** True for `public`, `session` and every declared permission string. */
export function isChannelPermission(value: unknown): value is ChannelPermission {
  return typeof value === 'string' && knownPermissions.has(value);
}

const knownHosts: ReadonlySet<string> = new Set(['electron', 'cli', 'preview']);

/**
 * The hosts a channel is restricted to (`hosts: ['cli']` for the raw-key escape hatch), or undefined
 * when every host may call it. Read defensively: a malformed value is reported at startup.
 */
export function channelHosts(spec: ChannelSpec): readonly CallerContext['host'][] | undefined {
  const hosts = (spec as { hosts?: unknown }).hosts;
  if (hosts === undefined) return undefined;
  if (!Array.isArray(hosts)) return [];
  return hosts.filter(
    (h): h is CallerContext['host'] => typeof h === 'string' && knownHosts.has(h),
  );
}

/**
 * Throws if any channel lacks a declared permission (or names an unknown one), has no zod input
 * schema, restricts itself to unknown hosts, or declares malformed `also` / `grants` (or any on a
 * `public` channel, where no session exists to resolve them). The router runs it before serving
 * anything: a channel without a permission does not start.
 */
export function assertEveryChannelHasPermission(contract: ContractSpec): void {
  const problems: string[] = [];
  for (const { name, spec } of listChannels(contract)) {
    const raw = spec as Partial<ChannelSpec> | undefined;
    if (!isChannelPermission(raw?.permission))
      problems.push(`${name}: missing or unknown permission`);
    const hosts = (raw as { hosts?: unknown } | undefined)?.hosts;
    if (
      hosts !== undefined &&
      (!Array.isArray(hosts) ||
        hosts.length === 0 ||
        !hosts.every(h => typeof h === 'string' && knownHosts.has(h)))
    ) {
      problems.push(`${name}: hosts must list electron, cli or preview`);
    }
    if (typeof (raw?.input as { safeParse?: unknown } | undefined)?.safeParse !== 'function') {
      problems.push(`${name}: missing input schema`);
    }
    problems.push(...declarationProblems(name, raw));
  }
  if (problems.length > 0) {
    throw new Error(`Refusing to start the router:\n${problems.join('\n')}`);
  }
}

/** What is wrong with a channel's `also` and `grants` declarations (read defensively). */
function declarationProblems(name: string, raw: Partial<ChannelSpec> | undefined): string[] {
  const { also, grants } = (raw ?? {}) as { also?: unknown; grants?: unknown };
  const problems: string[] = [];
  if ((also !== undefined || grants !== undefined) && raw?.permission === 'public') {
    problems.push(`${name}: a public channel cannot declare also or grants`);
  }
  const isPermission = (p: unknown) =>
    typeof p === 'string' && (PERMISSIONS as readonly string[]).includes(p);
  const goodRule = (rule: unknown) => {
    const r = rule as Partial<AlsoRequired> | null;
    return (
      typeof r?.when === 'function' &&
      // (input, vault facts): a condition wanting more than those would read undefined.
      r.when.length <= 2 &&
      isPermission(r.permission) &&
      typeof r.message === 'string' &&
      r.message !== ''
    );
  };
  if (also !== undefined && (!Array.isArray(also) || !also.every(goodRule))) {
    problems.push(`${name}: also must list { when, permission, message }`);
  }
  if (grants !== undefined && (!Array.isArray(grants) || !grants.every(isPermission))) {
    problems.push(`${name}: grants must list known permissions`);
  }
  return problems;
}
