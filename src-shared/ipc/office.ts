/**
 * Joining the office and approving devices from the app (docs/SYNC.md, "Joining"): the sync
 * panel's enrolment form (the server's one-time code for the first owner device, an owner's
 * invitation for anyone else), invitations, and the owner's list of devices waiting for approval.
 * Network calls run outside the audited transaction (`atomic: false`); the audit entry holds device
 * ids and counts, never names or keys.
 */
import { z } from 'zod';
import { parseOfficeCode } from '../office/codes';
import { OFFICE_ROLES, officeIdSchema } from '../office/contracts';
import { channel, type OfficeMembershipFacts } from './contract';

/** A device waiting for approval by an owner device (or the head of its team). */
export interface WaitingDeviceView {
  deviceId: string;
  userId: string;
  /** The colleague's display name (null: their request was sealed to another owner device). */
  name: string | null;
  /** When the request reached the server (ISO). */
  requestedAt: string;
  /** The roles this device may give (a head: only manager; an owner: all but owner). */
  roles: (typeof OFFICE_ROLES)[number][];
  /**
   * The team: for a head always its own (the only one it may give); for an owner the team of the
   * head whose invitation the colleague used, or null (the owner chooses).
   */
  teamId: string | null;
  /** Whether this device approves as the head of that team (role and team are then fixed). */
  asHead: boolean;
}

/**
 * Whether this vault's device is the office's owner device (active, owner role): it holds the
 * owner's partition keys, so forgetting the office there needs `settings.manage`.
 */
function holdsOwnerKeys(membership: OfficeMembershipFacts | null): boolean {
  return membership !== null && membership.status !== 'pending' && membership.role === 'owner';
}

export const officeContract = {
  /**
   * Joins the office at `server` with an enrolment code: the first owner device (the server's
   * code; needs `settings.manage`) is active at once, anyone else waits for approval.
   */
  join: channel<{
    state: 'active' | 'pending';
    deviceId: string;
    officeId: string;
    queued: number;
  }>()({
    input: z
      .object({
        server: z.url({ protocol: /^https?$/ }).max(500),
        code: z.string().min(1).max(400),
      })
      .strict(),
    permission: 'session',
    also: [
      {
        when: input => parseOfficeCode(input.code)?.kind === 'owner',
        permission: 'settings.manage',
        message: 'Only the owner enrols the office’s first device.',
      },
    ],
    atomic: false,
  }),
  /**
   * As an owner device (or a head's, into its team): a one-use invitation (7 days), as the code to
   * hand a colleague.
   */
  invite: channel<{ code: string; expiresAt: string }>()({
    input: z.object({}).strict(),
    permission: 'settings.manage',
    atomic: false,
  }),
  /** The devices waiting for this owner's (or head's: its team's) approval (not audited). */
  waiting: channel<WaitingDeviceView[]>()({
    input: z.object({}).strict(),
    permission: 'settings.manage',
    audit: false,
  }),
  /** Approves a waiting device with a role and team (a head: a manager of its team only). */
  approve: channel<{ deviceId: string; userId: string; partitions: number }>()({
    input: z
      .object({
        deviceId: officeIdSchema,
        role: z.enum(OFFICE_ROLES).exclude(['owner']),
        teamId: officeIdSchema.optional(),
      })
      .strict(),
    permission: 'settings.manage',
    atomic: false,
  }),
  /**
   * Forgets this laptop's office (a refused request, or leaving): membership, device keys, partition
   * keys and sync tables go, the records stay; it may join again or work alone. No network call.
   * On the office's owner device it needs `settings.manage` (a colleague signed in there may not
   * drop the owner's keys); a pending or staff device leaves with any session.
   */
  forget: channel<{
    officeId: string;
    deviceId: string;
    state: 'pending' | 'active';
    partitions: number;
    unsent: number;
  }>()({
    input: z.object({}).strict(),
    // A refused or staff laptop may leave; the owner device's keys go only by the owner's hand.
    permission: 'session',
    also: [
      {
        when: (_input, vault) => holdsOwnerKeys(vault.officeMembership()),
        permission: 'settings.manage',
        message: 'Only the owner may make the office’s owner device forget the office.',
      },
    ],
  }),
  /** Refuses a waiting device (a head: of its team only). */
  refuse: channel<{ deviceId: string }>()({
    input: z.object({ deviceId: officeIdSchema }).strict(),
    permission: 'settings.manage',
    atomic: false,
  }),
};
