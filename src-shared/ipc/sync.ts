/**
 * Office sync on this laptop (docs/SYNC.md): its status for the header, a sync round now, joining
 * the office (the first owner device with the server's one-time code; any other laptop by a join
 * request an owner approves), and the office chain check. Network calls run outside the audited
 * transaction (`atomic: false`); what they change in the vault commits in their own transactions.
 */
import { z } from 'zod';
import { OFFICE_ROLES } from '../office/contracts';
import { channel } from './contract';

/** The header badge: not joined, waiting for approval, synced, changes waiting, conflict, offline. */
export const SYNC_STATES = ['off', 'pending', 'synced', 'waiting', 'conflict', 'offline'] as const;
export type SyncState = (typeof SYNC_STATES)[number];

/** The sync status of this laptop. */
export interface SyncStatusView {
  state: SyncState;
  /** Changes made here the server has not acknowledged yet. */
  waiting: number;
  /** Stale stage/amount/owner changes waiting for someone to resolve them. */
  conflicts: number;
  lastSyncAt: string | null;
  serverUrl: string | null;
  /** The SHA-256 fingerprint of the server's certificate this laptop pins (null: loopback HTTP). */
  fingerprint: string | null;
  deviceId: string | null;
  /**
   * True on an office owner device (joined, role owner): forgetting the office there needs
   * `settings.manage` (the router's rule on `office.forget`); absent elsewhere.
   */
  ownerDevice?: true;
  /**
   * While this device's first pull runs: changes applied so far and the total the server holds
   * past this laptop's cursors (null when unknown); absent otherwise.
   */
  progress?: { applied: number; total: number | null };
  /**
   * Staff dismissals made here that the office has not confirmed yet (the background sync retries
   * them; `lastError`: the last failure's code); absent when there are none.
   */
  dismissals?: { waiting: number; lastError: string | null };
}

/** What a sync round did. */
export interface SyncRoundView {
  pushed: number;
  pulled: number;
  conflicts: number;
  partitions: number;
}

/** One open conflict: a stale stage, amount or owner change (values as stored). */
export interface SyncConflictView {
  changeId: string;
  table: string;
  recordId: string;
  field: string;
  mine: string | number | null;
  theirs: string | number | null;
  /** The device whose change came second in server order. */
  deviceId: string;
  createdAt: string;
}

/** The result of the office chain check, per partition this laptop holds. */
export interface OfficeChainView {
  ok: boolean;
  partitions: { partitionId: string; changes: number; ok: boolean; reason: string | null }[];
  /** Other laptops' audit entries held here (audit readers only), checked per device chain. */
  auditDevices: OfficeAuditDeviceView[];
}

/** One office device's audit entries as this laptop holds them. */
export interface OfficeAuditDeviceView {
  deviceId: string;
  entries: number;
  /** Entries that do not verify (hash, digest, gap, link, or pushed by another device). */
  problems: number;
  /** The first problem's reason, or null. */
  reason: string | null;
}

const endpoint = {
  server: z.url({ protocol: /^https?$/ }).max(500),
  fingerprint: z
    .string()
    .regex(/^[0-9A-Fa-f:]{64,95}$/)
    .optional(),
};

export const syncContract = {
  /** The badge value (read only; not audited: the header asks often). */
  status: channel<SyncStatusView>()({
    input: z.object({}).strict(),
    permission: 'session',
    audit: false,
  }),
  /** One sync round now: push the outbox, pull every partition. */
  now: channel<SyncRoundView>()({
    input: z.object({}).strict(),
    permission: 'session',
    atomic: false,
  }),
  /** The first owner device enrols with the code `zamok office serve` printed. */
  enrol: channel<{ deviceId: string; officeId: string; queued: number }>()({
    input: z.object({ ...endpoint, code: z.string().min(1).max(100) }).strict(),
    permission: 'settings.manage',
    atomic: false,
  }),
  /** This laptop asks to join: device keys are made and kept; the answer is the request text. */
  join: channel<{ request: string; deviceId: string }>()({
    input: z.object(endpoint).strict(),
    permission: 'session',
    atomic: false,
  }),
  /** An owner device approves a join request with a role and team. */
  approve: channel<{ deviceId: string; userId: string; partitions: number }>()({
    input: z
      .object({
        request: z.string().min(1).max(2000),
        role: z.enum(OFFICE_ROLES),
        teamId: z
          .string()
          .regex(/^[A-Za-z0-9_-]{1,64}$/)
          .optional(),
      })
      .strict(),
    permission: 'settings.manage',
    atomic: false,
  }),
  /**
   * As an owner device: the office refuses the user's devices from now on, and every partition
   * they could read that this laptop holds gets a new key (docs/SYNC.md, dismissal).
   */
  dismiss: channel<{ revokedDevices: number; rotated: number; notRotated: number }>()({
    input: z.object({ userId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/) }).strict(),
    permission: 'users.manage',
    atomic: false,
  }),
  /** The open conflicts, from this laptop's side (mine / theirs). */
  conflicts: channel<SyncConflictView[]>()({
    input: z.object({}).strict(),
    permission: 'session',
    audit: false,
  }),
  /** Resolves a conflict by keeping one value; keeping the other one writes and syncs it. */
  resolve: channel<{ written: boolean }>()({
    input: z
      .object({
        changeId: z.string().min(1).max(64),
        field: z.string().regex(/^[a-z][a-z0-9_]{0,62}$/),
        keep: z.enum(['mine', 'theirs']),
      })
      .strict(),
    permission: 'session',
  }),
  /** Recomputes the office chain of every partition held and compares it with the server's. */
  verifyOffice: channel<OfficeChainView>()({
    input: z.object({}).strict(),
    permission: 'audit.read',
    atomic: false,
  }),
} as const;
