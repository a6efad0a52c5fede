/**
 * What never reaches the audit log in clear: passwords, secrets, tokens, keys, recovery material, and
 * any field a feature marks sensitive. Their values are replaced by REDACTED; only the fact that they
 * changed is kept ("the password was changed", "2FA was turned off": a cleared value stays `null`, so
 * set/cleared is visible, never the value). appendAudit applies this to every entry, so a caller that
 * forgets cannot store a secret.
 */
import { canonicalJson } from './canonical';
import {
  AuditInputError,
  type AuditChanges,
  type AuditChangesInput,
  type AuditJson,
} from './types';

/** The value stored instead of a sensitive one. */
export const REDACTED = '[redacted]';

/** Longer strings are cut (the log records that a note changed, not a copy of every version). */
export const MAX_STRING_LENGTH = 4000;

const MAX_DEPTH = 8;

/**
 * Fields sensitive by entity type even when their name looks harmless. Names matching
 * SENSITIVE_NAME_PARTS / SENSITIVE_NAME_TOKENS are sensitive in every entity.
 */
const BUILT_IN_SENSITIVE: Record<string, readonly string[]> = {
  users: ['password', 'password_hash', 'totp_secret', 'recovery_codes', 'recovery_code_hashes'],
  key_slots: ['wrapped', 'wrapped_key', 'nonce', 'tag', 'salt', 'kdf'],
  attachments: ['file_key', 'nonce', 'tag'],
  settings: ['backup_passphrase', 'smtp_password'],
};

/** Substrings (of the lowercased name with separators removed) that make any field sensitive. */
export const SENSITIVE_NAME_PARTS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'recovery',
  'totp',
  'hotp',
  'credential',
  'privatekey',
  'apikey',
  'datakey',
  'masterkey',
] as const;

/** Whole words (snake_case, camelCase, kebab-case or dotted parts) that make any field sensitive. */
export const SENSITIVE_NAME_TOKENS = ['key', 'keys', 'salt', 'pin', 'cvv', 'otp'] as const;

const registered = new Map<string, Set<string>>();

/**
 * Marks more fields of an entity type as sensitive (e.g. a feature registering
 * `registerSensitiveFields('contacts', ['passport_number'])` at module load).
 */
export function registerSensitiveFields(entityType: string, fields: readonly string[]): void {
  const set = registered.get(entityType) ?? new Set<string>();
  for (const field of fields) set.add(field);
  registered.set(entityType, set);
}

function nameTokens(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter(token => token.length > 0);
}

/** True when a field's value must never be stored: by name pattern, built-in registry or registration. */
export function isSensitiveField(
  entityType: string | null | undefined,
  field: string,
  extra: readonly string[] = [],
): boolean {
  if (extra.includes(field)) return true;
  if (entityType) {
    if (BUILT_IN_SENSITIVE[entityType]?.includes(field)) return true;
    if (registered.get(entityType)?.has(field)) return true;
  }
  return sensitiveName(field);
}

// The name test depends on the name alone and runs for every field of every entry: remembered
// (bounded: field names are a small fixed set in practice, but callers' details keys are not).
const nameVerdicts = new Map<string, boolean>();
const MAX_REMEMBERED_NAMES = 5000;

function sensitiveName(field: string): boolean {
  const known = nameVerdicts.get(field);
  if (known !== undefined) return known;
  const tokens = nameTokens(field);
  const joined = tokens.join('');
  const verdict =
    SENSITIVE_NAME_PARTS.some(part => joined.includes(part)) ||
    tokens.some(token => (SENSITIVE_NAME_TOKENS as readonly string[]).includes(token));
  if (nameVerdicts.size >= MAX_REMEMBERED_NAMES) nameVerdicts.clear();
  nameVerdicts.set(field, verdict);
  return verdict;
}

/**
 * Converts a caller's value to storable JSON, redacting sensitive keys of nested objects.
 * Date → ISO string, bigint → string, bytes → '[binary N bytes]', undefined → null.
 */
export function toAuditJson(value: unknown, depth = 0): AuditJson {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') {
    return value.length > MAX_STRING_LENGTH
      ? `${value.slice(0, MAX_STRING_LENGTH)}…[+${value.length - MAX_STRING_LENGTH} chars]`
      : value;
  }
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'bigint') return value.toString();
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) throw new AuditInputError('audit value: invalid Date');
    return value.toISOString();
  }
  if (value instanceof Uint8Array) return `[binary ${value.byteLength} bytes]`;
  if (depth >= MAX_DEPTH) throw new AuditInputError(`audit value: nested deeper than ${MAX_DEPTH}`);
  if (Array.isArray(value)) return value.map(item => toAuditJson(item, depth + 1));
  if (isPlainObject(value)) return redactObject(value, null, [], depth + 1);
  throw new AuditInputError(`audit value: unsupported type ${describe(value)}`);
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object') return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (typeof value !== 'object' || value === null) return typeof value;
  return value.constructor?.name ?? 'object';
}

function redactValue(value: unknown): AuditJson {
  return value === undefined || value === null ? null : REDACTED;
}

function redactObject(
  value: Record<string, unknown>,
  entityType: string | null,
  extra: readonly string[],
  depth: number,
): Record<string, AuditJson> {
  const out: Record<string, AuditJson> = {};
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined) continue;
    out[key] = isSensitiveField(entityType, key, extra)
      ? redactValue(item)
      : toAuditJson(item, depth);
  }
  return out;
}

/** Redacts an entry's `details` object (sensitive keys at any depth). */
export function redactDetails(
  details: Record<string, unknown>,
  extra: readonly string[] = [],
): Record<string, AuditJson> {
  if (!isPlainObject(details)) throw new AuditInputError('audit details: must be a plain object');
  return redactObject(details, null, extra, 1);
}

/**
 * Field-level changes ready to store: every value converted to JSON, sensitive fields (and sensitive
 * keys nested inside values) replaced by REDACTED. Idempotent: redacting twice changes nothing.
 */
export function redactChanges(
  entityType: string | null | undefined,
  changes: AuditChangesInput,
  extra: readonly string[] = [],
): AuditChanges {
  if (!isPlainObject(changes)) throw new AuditInputError('audit changes: must be a plain object');
  const out: AuditChanges = {};
  for (const [field, change] of Object.entries(changes)) {
    if (!isPlainObject(change) || Object.keys(change).some(k => k !== 'before' && k !== 'after')) {
      throw new AuditInputError(`audit changes: "${field}" must be { before, after }`);
    }
    const sensitive = isSensitiveField(entityType, field, extra);
    out[field] = {
      before: sensitive ? redactValue(change.before) : toAuditJson(change.before, 1),
      after: sensitive ? redactValue(change.after) : toAuditJson(change.after, 1),
    };
  }
  return out;
}

/** Options of diffFields. */
export interface DiffOptions {
  /** Entity type, for the built-in and registered sensitive fields. */
  entityType?: string | null;
  /** More field names to redact for this call. */
  sensitive?: readonly string[];
  /** Fields never compared (e.g. 'updated_at', 'version'). */
  ignore?: readonly string[];
}

/**
 * Before/after of the fields whose values differ (a field missing on one side counts as null),
 * redacted as redactChanges does. Values are compared by canonical JSON, before redaction, so a
 * changed password appears as `{ before: '[redacted]', after: '[redacted]' }`.
 */
export function diffFields(
  before: Record<string, unknown> | null | undefined,
  after: Record<string, unknown> | null | undefined,
  options: DiffOptions = {},
): AuditChanges {
  const ignore = options.ignore ?? [];
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  const changed: AuditChangesInput = {};
  for (const field of [...fields].sort()) {
    if (ignore.includes(field)) continue;
    const b = before?.[field];
    const a = after?.[field];
    // Compare the raw (unredacted, untruncated) values: a secret or a long note that changed must
    // show up even though both sides are stored as the same placeholder text.
    if (canonicalJson(comparable(b)) !== canonicalJson(comparable(a))) {
      changed[field] = { before: b, after: a };
    }
  }
  return redactChanges(options.entityType, changed, options.sensitive);
}

function comparable(value: unknown): unknown {
  if (value === undefined || value === null) return null;
  if (value instanceof Uint8Array) return Buffer.from(value).toString('base64');
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(comparable);
  if (isPlainObject(value)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== undefined)
        .map(([k, v]) => [k, comparable(v)]),
    );
  }
  return value;
}
