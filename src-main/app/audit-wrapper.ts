/**
 * The audit wrapper: every call of a channel not marked `audit: false` leaves one entry in the
 * hash-chained audit log — outcome ok, denied (no session / not permitted) or failed — written by
 * the router, never by hand in a handler (a call that changed several records names the others in
 * `ctx.audit.related`: one more entry each, same transaction). It sits outside the permission check so denials are
 * recorded too. Calls made while no vault is open (a failed sign-in) cannot be written here; the
 * lockout store keeps them and the next successful sign-in records them.
 */
import { auditActionName } from '../../src-shared/ipc/audit-actions';
import { appendAudit } from '../audit';
import { CallFailure, type AuditNote, type Session, type Wrapper } from '../ipc';
import { settleStagedChanges, type OpenVault } from '../vault';
import { createCallQueue, type CallQueue } from './call-queue';
import type { VaultState } from './vault-state';

/** Error codes that mean "refused by a rule" rather than "went wrong". */
const DENIED = new Set(['forbidden', 'unauthenticated', 'forbidden_sender']);

function errorCode(error: unknown): string {
  if (error instanceof CallFailure) return error.code;
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : 'internal';
}

/** What the wrapper needs. */
export interface AuditWrapperOptions {
  state: VaultState;
  deviceId: string;
  /**
   * The app's write queue (shared with the office sync rounds); a queue of its own by default.
   * Audited calls run one at a time in it: they share the one connection and its transaction.
   */
  queue?: CallQueue;
  /** Runs after each audited call has committed or rolled back, still in its turn. */
  afterCall?: (call: CallEnd) => void;
}

/** How an audited call ended, for `afterCall`. */
export interface CallEnd {
  /** The channel's feature (`sync` of `sync.enrol`). */
  feature: string;
  /** Whether its transaction committed (false: rolled back, nothing it wrote stayed). */
  committed: boolean;
}

/** Builds the wrapper for an app instance. */
export function createAuditWrapper(o: AuditWrapperOptions): Wrapper {
  const { state } = o;
  const queue = o.queue ?? createCallQueue();
  const serialized = <T>(work: () => Promise<T>): Promise<T> => queue.run(work);

  function record(
    action: string,
    session: Session | null,
    outcome: 'ok' | 'denied' | 'failed',
    note: AuditNote,
    error?: string,
  ): void {
    const target = state.auditTarget();
    if (!target) return;
    const details = error ? { ...note.details, error } : note.details;
    const who = { userId: session?.userId ?? null, userLogin: session?.login ?? null };
    appendAudit(target, {
      ...who,
      deviceId: o.deviceId,
      action,
      outcome,
      entityType: note.entityType ?? null,
      entityId: note.entityId ?? null,
      changes: outcome === 'ok' ? (note.changes ?? null) : null,
      details: details ?? null,
    });
    if (outcome !== 'ok') return;
    // The other records the call changed, each with the entry its one-by-one call writes.
    for (const related of note.related ?? []) {
      appendAudit(target, {
        ...who,
        deviceId: o.deviceId,
        action: related.action,
        outcome,
        entityType: related.entityType,
        entityId: related.entityId,
        changes: related.changes ?? null,
        details: { ...related.details, via: action },
      });
    }
  }

  /**
   * The connections whose transaction is this call's: the one begun here, and a vault the call
   * itself opened and began (the recovery-key flows), so its changes commit with this entry.
   */
  function callVaults(begun: OpenVault | null): OpenVault[] {
    const all = new Set([begun, state.auditTarget()]);
    return [...all].filter((v): v is OpenVault => v !== null && !v.closed);
  }

  function finish(vaults: OpenVault[], sql: 'COMMIT' | 'ROLLBACK'): void {
    for (const vault of vaults) if (vault.sqlite.inTransaction) vault.sqlite.exec(sql);
  }

  /** Key-slot changes staged in the call take effect (or are dropped) now that it has ended. */
  function settle(vaults: OpenVault[]): void {
    for (const vault of vaults) {
      try {
        settleStagedChanges(vault);
      } catch {
        // The decision is already in the database; the next unlock or slot change settles the file.
      }
    }
  }

  return (meta, next) => {
    // Audit actions are lowercase `feature.verb`: `auth.signIn` → `auth.sign_in`.
    const action = auditActionName(meta.feature, meta.call);
    if (meta.spec.audit === false) {
      // Reads are not logged when they succeed, but a refused read (another manager's client, an
      // administrator asking for contacts) is a permission denial and is.
      return async (ctx, input) => {
        try {
          return await next(ctx, input);
        } catch (error) {
          const code = errorCode(error);
          if (DENIED.has(code)) {
            await serialized(async () => record(action, ctx.session, 'denied', ctx.audit, code));
          }
          throw error;
        }
      };
    }
    return (ctx, input) =>
      serialized(async () => {
        // With a vault open, the call and its entry are one transaction: a change is never
        // committed without its entry (handlers' own transactions nest as savepoints).
        const vault = meta.spec.atomic === false ? null : state.openVault();
        // IMMEDIATE: the write lock is taken (waiting up to the busy timeout for another process)
        // before the handler reads, so a second process's commit can never turn this call's
        // read into a write that SQLite must refuse at once (SQLITE_BUSY_SNAPSHOT).
        vault?.sqlite.exec('BEGIN IMMEDIATE');
        let vaults: OpenVault[] = [];
        let committed = false;
        try {
          const value = await next(ctx, input);
          // A session that ended in this call (sign-out, lock, a recovery-key flow that acted as
          // a user) still names who did it.
          record(action, state.session ?? state.endedSession ?? ctx.session, 'ok', ctx.audit);
          vaults = callVaults(vault);
          finish(vaults, 'COMMIT');
          committed = true;
          return value;
        } catch (error) {
          vaults = callVaults(vault);
          finish(vaults, 'ROLLBACK');
          const code = errorCode(error);
          const outcome = DENIED.has(code) ? 'denied' : 'failed';
          record(action, ctx.session, outcome, ctx.audit, code);
          throw error;
        } finally {
          settle(vaults);
          // The call is acknowledged only after this: the commit record moves to the new head.
          state.auditTarget()?.noteCommit();
          state.flushPendingClose();
          o.afterCall?.({ feature: meta.feature, committed });
        }
      });
  };
}
