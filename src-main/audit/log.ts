/**
 * Writing and reading the audit log.
 *
 * appendAudit is synchronous and uses the vault's better-sqlite3 connection, so it joins the caller's
 * transaction: the data change and its audit entry commit or roll back together. Reads use kysely.
 */
import type { Database as VaultSchema } from '../vault/schema';
import type Database from 'better-sqlite3-multiple-ciphers';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { canonicalJson, hashRow, type HashedRow } from './canonical';
import { sealPayload } from './canonical-v2';
import {
  EMPTY_HEAD,
  readAuditHead,
  sqliteOf,
  writeAuditHead,
  type SqliteHandle,
  type SqliteSource,
} from './head';
import { redactChanges, redactDetails } from './redact';
import { rowToEntry, type AuditLogTable } from './rows';
import { AuditInputError, type AuditEntry, type AuditInput } from './types';
import { validateAuditInput, validationMessage } from './validate';

/**
 * Appends one entry and moves the head, atomically (a savepoint inside the caller's transaction, or
 * an IMMEDIATE transaction of its own). Secrets and sensitive fields are redacted here, whatever the
 * caller passed. Bad input throws AuditInputError and writes nothing.
 *
 * If the stored head does not match the newest row (rows removed or added outside the app), the new
 * entry is chained to the stored head, not to the newest row, and numbered after both: the break
 * stays visible to verifyAuditChain forever instead of being papered over by the next append.
 */
export function appendAudit(target: SqliteSource, input: AuditInput, now = new Date()): AuditEntry {
  if (!(now instanceof Date) || Number.isNaN(now.getTime())) {
    throw new AuditInputError('audit time: invalid Date');
  }
  const entry = validateAuditInput(input);
  const changes = entry.changes
    ? canonicalJson(redactChanges(entry.entityType, entry.changes))
    : null;
  const details = entry.details ? canonicalJson(redactDetails(entry.details)) : null;

  const fields: Omit<HashedRow, 'seq' | 'prev_hash'> = {
    at: now.toISOString(),
    user_id: entry.userId ?? null,
    user_login: entry.userLogin ?? null,
    device_id: entry.deviceId ?? null,
    action: entry.action,
    entity_type: entry.entityType ?? null,
    entity_id: entry.entityId ?? null,
    outcome: entry.outcome,
    changes,
    details,
  };
  return appender(sqliteOf(target)).immediate(fields);
}

/**
 * Sees each entry as it is written (the alert rules): called synchronously inside the append
 * transaction, after the row and the head, in a savepoint of its own.
 */
export type AuditListener = (entry: AuditEntry, sqlite: SqliteHandle) => void;

/**
 * Tells which entries a listener wants (a cheap test, e.g. a lookup by action): entries it refuses
 * are not handed to it and cost no savepoint.
 */
export type AuditListenerFilter = (entry: AuditEntry) => boolean;

interface Registered {
  listener: AuditListener;
  wants: AuditListenerFilter | null;
}

const listeners = new Set<Registered>();

/**
 * Registers a listener for every append on every connection (or, with `wants`, for the entries it
 * accepts); returns the function that removes it. A listener that throws rolls back only its own
 * writes: the entry is never lost because of it.
 */
export function addAuditListener(listener: AuditListener, wants?: AuditListenerFilter): () => void {
  const registered: Registered = { listener, wants: wants ?? null };
  listeners.add(registered);
  return () => listeners.delete(registered);
}

function notifyListeners(sqlite: SqliteHandle, entry: AuditEntry): void {
  for (const { listener, wants } of listeners) {
    try {
      if (wants !== null && !wants(entry)) continue;
      sqlite.transaction(listener)(entry, sqlite);
    } catch {
      // Deliberately swallowed: an observer's failure must not undo the audited action.
    }
  }
}

type Appender = Database.Transaction<(fields: Omit<HashedRow, 'seq' | 'prev_hash'>) => AuditEntry>;

// One prepared appender per connection: statements are compiled once, not on every audited call.
const appenders = new WeakMap<SqliteHandle, Appender>();

function appender(sqlite: SqliteHandle): Appender {
  const cached = appenders.get(sqlite);
  if (cached) return cached;
  const newest = sqlite.prepare<[], { seq: number; hash: string }>(
    'SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1',
  );
  const insert = sqlite.prepare<[AuditLogTable]>(
    `INSERT INTO audit_log (seq, at, user_id, user_login, device_id, action, entity_type,
       entity_id, outcome, changes, details, prev_hash, hash, payload_salt, payload_digest)
     VALUES (@seq, @at, @user_id, @user_login, @device_id, @action, @entity_type,
       @entity_id, @outcome, @changes, @details, @prev_hash, @hash, @payload_salt, @payload_digest)`,
  );
  const append = sqlite.transaction((fields: Omit<HashedRow, 'seq' | 'prev_hash'>): AuditEntry => {
    const last = newest.get();
    const stored = readAuditHead(sqlite);
    const anchor = stored === null || stored === 'invalid' ? EMPTY_HEAD : stored;
    // Version 2 (canonical-v2.ts): the hash covers a salted digest of the payload, so an
    // erasure can later replace the payload without breaking the chain.
    const row: HashedRow & { payload_salt: string } = {
      ...fields,
      seq: Math.max(anchor.seq, last?.seq ?? 0) + 1,
      prev_hash: anchor.hash,
      ...sealPayload(fields.changes, fields.details),
    };
    const full: AuditLogTable = { ...row, hash: hashRow(row) };
    insert.run(full);
    writeAuditHead(sqlite, { seq: full.seq, hash: full.hash });
    const entry = rowToEntry(full);
    notifyListeners(sqlite, entry);
    return entry;
  });
  appenders.set(sqlite, append);
  return append;
}

/** Filter of listAudit. Times are ISO strings or Dates; `from` is inclusive, `to` exclusive. */
export interface AuditFilter {
  userId?: string;
  action?: string;
  entityType?: string;
  entityId?: string;
  from?: string | Date;
  to?: string | Date;
  /** Page size, 1–500. */
  limit: number;
  /** Keyset paging: only entries older than this seq (pass the previous page's nextBeforeSeq). */
  beforeSeq?: number;
}

/** One page of entries, newest first. `nextBeforeSeq` is null on the last page. */
export interface AuditPage {
  entries: AuditEntry[];
  nextBeforeSeq: number | null;
}

const timeSchema = z
  .union([z.date(), z.string().max(64)])
  .transform((value, ctx) => {
    const date = value instanceof Date ? value : new Date(value);
    if (Number.isNaN(date.getTime())) {
      ctx.addIssue({ code: 'custom', message: 'not a valid time' });
      return z.NEVER;
    }
    return date.toISOString();
  })
  .optional();
const filterSchema = z.strictObject({
  userId: z.string().min(1).max(200).optional(),
  action: z.string().min(1).max(100).optional(),
  entityType: z.string().min(1).max(64).optional(),
  entityId: z.string().min(1).max(200).optional(),
  from: timeSchema,
  to: timeSchema,
  limit: z.number().int().min(1).max(500),
  beforeSeq: z.number().int().min(1).optional(),
});

/**
 * Entries matching the filter, newest first, paged by seq in SQL (every filter is a bound
 * parameter; the indexes on (at), (user_id, at), (entity_type, entity_id, seq), (action, at) serve
 * them). Takes any kysely instance over the vault.
 */
export async function listAudit(db: Kysely<VaultSchema>, filter: AuditFilter): Promise<AuditPage> {
  const parsed = filterSchema.safeParse(filter);
  if (!parsed.success) throw new AuditInputError(validationMessage(parsed.error));
  const f = parsed.data;
  let query = db.selectFrom('audit_log').selectAll();
  if (f.userId !== undefined) query = query.where('user_id', '=', f.userId);
  if (f.action !== undefined) query = query.where('action', '=', f.action);
  if (f.entityType !== undefined) query = query.where('entity_type', '=', f.entityType);
  if (f.entityId !== undefined) query = query.where('entity_id', '=', f.entityId);
  if (f.from !== undefined) query = query.where('at', '>=', f.from);
  if (f.to !== undefined) query = query.where('at', '<', f.to);
  if (f.beforeSeq !== undefined) query = query.where('seq', '<', f.beforeSeq);
  const rows = await query.orderBy('seq', 'desc').limit(f.limit).execute();
  const entries = rows.map(rowToEntry);
  const last = entries.at(-1);
  return {
    entries,
    nextBeforeSeq: entries.length === f.limit && last !== undefined ? last.seq : null,
  };
}
