/**
 * The bridge contract: how a channel is declared and what every call returns.
 *
 * One object of features (see ./index.ts) drives the preload, the router and the renderer's client,
 * so a channel cannot exist in one and not the others: the router demands a handler for every
 * declared call (compile error otherwise) and the preload builds `window.zamok` from the same object.
 */
import type { z } from 'zod';
import type { Permission } from '../permissions';

/** Error codes a call can return. The renderer translates them (i18n key `errors.<code>`). */
export const ERROR_CODES = [
  'invalid_input',
  'unknown_channel',
  'forbidden_sender',
  'unauthenticated',
  'forbidden',
  'not_found',
  'conflict',
  'auth_failed',
  // A login's (or the recovery key's) slot in keyring.json is damaged: not a wrong password.
  'key_slot_damaged',
  'locked_out',
  'device_not_approved',
  'network_not_allowed',
  'password_change_required',
  'weak_password',
  'vault_exists',
  'vault_missing',
  'vault_corrupt',
  'vault_newer',
  'vault_unknown_migration',
  'vault_not_writable',
  'vault_full',
  'vault_damaged',
  'vault_in_use',
  // The vault folder is on SMB/NFS/FUSE: refused (SQLite WAL is not safe there); office sync instead.
  'vault_network_share',
  'office_unreachable',
  'office_removed',
  // A channel's declaration (e.g. its export-limit request) answered something malformed: a bug.
  'invalid_declaration',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/** The error half of a result: a code, an English message safe to show or log, optional details. */
export interface CallError {
  code: ErrorCode;
  message: string;
  /** Machine-readable extras, e.g. `{ retryAfterSeconds: 60 }` or `{ reasons: [...] }`. Never secrets. */
  details?: Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CallError };

/** The permission a channel needs: `public` (before sign-in), `session` (any signed-in user), or a permission string. */
export type ChannelPermission = 'public' | 'session' | Permission;

/** The opened vault's office membership, as an `also` condition sees it. */
export interface OfficeMembershipFacts {
  readonly status: 'pending' | 'active';
  /** This vault's device's office role (`owner`: the office's owner device, holding its keys). */
  readonly role: string;
}

/**
 * What an `also` condition may read besides the input: facts of the vault the session opened,
 * read-only and read only when a condition asks (the router's source:
 * src-main/app/vault-facts.ts). A router without a source fails such a call (`internal`).
 */
export interface VaultFacts {
  /** This vault's office membership, or null when it joined none. */
  officeMembership(): OfficeMembershipFacts | null;
}

/**
 * A second permission a call needs when its input (or the opened vault's state) asks for more than
 * the channel's own permission covers, e.g. `includeDeleted: true` needs `contacts.restore`. The
 * permission wrapper checks it after the channel's permission and refuses with `forbidden` and
 * this message.
 */
export interface AlsoRequired<In = unknown> {
  /**
   * True when this call needs {@link AlsoRequired.permission}: from the parsed input and, where
   * the rule depends on the vault (an owner device's office), the vault's facts.
   */
  when(input: In, vault: VaultFacts): boolean;
  readonly permission: Permission;
  /** The refusal's message (shown to the user, so no data from the input). */
  readonly message: string;
}

/**
 * What an export channel declares to be counted by the export limits (the router's export-limits
 * wrapper, src-main/app/export-limits.ts): above the owner's threshold the export waits for an
 * approval instead of leaving. The handler's result carries the exported `count`.
 */
export interface ExportLimit<In = unknown> {
  /**
   * The approval request this input asks for: record type, format and the choices, key order
   * fixed (an approval matches a later export by the stored JSON's text). Its shape is
   * `ExportLimitRequest` (./records.ts; declared there so this file imports no channel module),
   * which the wrapper parses: anything else fails the call with `invalid_declaration`.
   */
  request(input: In): unknown;
  /**
   * `true`: the wrapper counts the records first (the app's pre-count for the request's type), so
   * an export that must wait for approval is never made; else it counts the handler's file.
   */
  readonly countFirst?: true;
}

/** The hosts a channel may be restricted to. */
export type ChannelHost = 'electron' | 'cli' | 'preview';

/** One declared call. `R` is the result type and `G` the extra grants; both exist only for types. */
export interface ChannelSpec<
  I extends z.ZodType = z.ZodType,
  R = unknown,
  G extends Permission = Permission,
> {
  readonly input: I;
  readonly permission: ChannelPermission;
  /** Permissions this call needs besides `permission`, for some inputs (checked by the router). */
  readonly also?: readonly AlsoRequired<z.output<I>>[];
  /**
   * Other grants whose scope the handler needs (e.g. `companies.read` to show a contact's company).
   * The permission wrapper hands the caller's grants of these, where held, to the handler as
   * `ctx.grants`; not holding them does not refuse the call (the handler decides, failing closed).
   */
  readonly grants?: readonly G[];
  /** `false` for reads that would only add noise to the audit log; every other call is audited. */
  readonly audit?: false;
  /**
   * `false` for calls that cannot run inside a database transaction (VACUUM INTO, long file work)
   * or that open a vault connection of their own (setup, sign-in, recovery-key flows: a write
   * transaction held on the session's connection would block their writes in the same thread);
   * every other audited call commits together with its audit entry.
   */
  readonly atomic?: false;
  /** Restricts the call to some hosts (e.g. `['cli']` for the raw-key escape hatch). */
  readonly hosts?: readonly ChannelHost[];
  /** An export the export limits count (approval above the owner's threshold). */
  readonly exportLimit?: ExportLimit<z.output<I>>;
  /** Phantom field carrying the result type; never set at runtime. */
  readonly _result?: R;
}

/**
 * Declares a call: `channel<ResultType>()({ input: schema, permission: 'contacts.read' })`, with
 * optional `also` (conditional second permissions) and `grants` (extra grants for the handler).
 */
export function channel<R>() {
  return function define<I extends z.ZodType, const G extends Permission = never>(spec: {
    input: I;
    permission: ChannelPermission;
    also?: readonly AlsoRequired<z.output<I>>[];
    grants?: readonly G[];
    audit?: false;
    atomic?: false;
    hosts?: readonly ChannelHost[];
    exportLimit?: ExportLimit<z.output<I>>;
  }): ChannelSpec<I, R, G> {
    return spec;
  };
}

/** A feature's calls, keyed by call name. */
export type FeatureSpec = Record<string, ChannelSpec>;
/** All features, keyed by feature name. */
export type ContractSpec = Record<string, FeatureSpec>;

export type InputOf<C> = C extends ChannelSpec<infer I, unknown> ? z.input<I> : never;
export type ParsedInputOf<C> = C extends ChannelSpec<infer I, unknown> ? z.output<I> : never;
export type ResultOf<C> = C extends ChannelSpec<z.ZodType, infer R> ? R : never;
/** The extra grants a channel declares (`grants: [...]`), as a union of permissions. */
export type GrantsOf<C> = C extends ChannelSpec<z.ZodType, unknown, infer G> ? G : never;

/** `zamok:<feature>.<call>` */
export function channelName(feature: string, call: string): string {
  return `zamok:${feature}.${call}`;
}

/** The renderer-side API built from a contract: `api.auth.signIn(input) → Promise<Result<…>>`. */
export type BridgeApi<C extends ContractSpec> = {
  readonly [F in keyof C]: {
    readonly [K in keyof C[F]]: (input: InputOf<C[F][K]>) => Promise<Result<ResultOf<C[F][K]>>>;
  };
};

/** Transport used to build a bridge: Electron's ipcRenderer.invoke, or fetch in the browser test host. */
export type Invoke = (channel: string, input: unknown) => Promise<Result<unknown>>;

/** Builds the typed API object from the contract and a transport. Used by the preload and the test host client. */
export function buildBridge<C extends ContractSpec>(contract: C, invoke: Invoke): BridgeApi<C> {
  const names = Object.fromEntries(
    Object.entries(contract).map(([feature, calls]) => [feature, Object.keys(calls)]),
  );
  return buildBridgeFromNames<C>(names, invoke);
}

/**
 * The same bridge from the channels' names alone (`channel-names.ts`), so the renderer does not load
 * the schemas to call the main process.
 */
export function buildBridgeFromNames<C extends ContractSpec>(
  names: Readonly<Record<string, readonly string[]>>,
  invoke: Invoke,
): BridgeApi<C> {
  const api: Record<string, Record<string, (input: unknown) => Promise<Result<unknown>>>> = {};
  for (const [feature, calls] of Object.entries(names)) {
    const calls_: Record<string, (input: unknown) => Promise<Result<unknown>>> = {};
    for (const call of calls) {
      const name = channelName(feature, call);
      calls_[call] = (input: unknown) => invoke(name, input);
    }
    api[feature] = Object.freeze(calls_);
  }
  return Object.freeze(api) as BridgeApi<C>;
}

/** Lists every channel of a contract with its spec (for the router, tests and the permission matrix). */
export function listChannels(
  contract: ContractSpec,
): { feature: string; call: string; name: string; spec: ChannelSpec }[] {
  return Object.entries(contract).flatMap(([feature, calls]) =>
    Object.entries(calls).map(([call, spec]) => ({
      feature,
      call,
      name: channelName(feature, call),
      spec,
    })),
  );
}
