/**
 * Allowed devices and networks (owner settings, off by default): computers must be approved before
 * anyone signs in on them, and sign-ins happen only on the office network (IPv4/IPv6 subnets or the
 * default gateway's MAC address). Checked in the main process after the password and 2FA, before a
 * session starts. Also the pure address parsing both sides use (the renderer validates as you type,
 * the main process decides).
 */
import { z } from 'zod';
import { channel } from './contract';

/** An IP address as a number and its family (IPv4: 32 bits, IPv6: 128 bits). */
export interface ParsedIp {
  family: 4 | 6;
  value: bigint;
}

/** A parsed network: base address (host bits cleared) and prefix length. */
export interface ParsedCidr extends ParsedIp {
  prefix: number;
}

function parseIpv4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return null;
    value = value * 256n + BigInt(Number(part));
  }
  return value;
}

function parseIpv6(text: string): bigint | null {
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const groups = (half: string | undefined): number[] | null => {
    if (!half) return [];
    const out: number[] = [];
    const parts = half.split(':');
    for (const [i, part] of parts.entries()) {
      // An embedded IPv4 address may end the address (::ffff:192.0.2.1).
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseIpv4(part);
        if (v4 === null) return null;
        out.push(Number(v4 >> 16n), Number(v4 & 0xffffn));
      } else {
        if (!/^[0-9a-f]{1,4}$/i.test(part)) return null;
        out.push(parseInt(part, 16));
      }
    }
    return out;
  };
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  if (!head || !tail) return null;
  const missing = 8 - head.length - tail.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const all = [...head, ...new Array<number>(halves.length === 1 ? 0 : missing).fill(0), ...tail];
  return all.reduce((acc, g) => (acc << 16n) | BigInt(g), 0n);
}

/** Parses an IPv4 or IPv6 address (an IPv6 zone such as `%eth0` is ignored), or null. */
export function parseIp(text: string): ParsedIp | null {
  const address = text.trim().replace(/%[\w.-]+$/, '');
  if (address.includes(':')) {
    const value = parseIpv6(address);
    return value === null ? null : { family: 6, value };
  }
  const value = parseIpv4(address);
  return value === null ? null : { family: 4, value };
}

/** Parses `a.b.c.d/n` or `x:y::/n` (host bits may be set; they are cleared), or null. */
export function parseCidr(text: string): ParsedCidr | null {
  const match = /^([^/\s]+)\/(\d{1,3})$/.exec(text.trim());
  if (!match?.[1] || !match[2]) return null;
  const ip = parseIp(match[1]);
  const prefix = Number(match[2]);
  if (!ip || match[1].includes('%')) return null;
  const bits = ip.family === 4 ? 32 : 128;
  if (prefix > bits) return null;
  const hostBits = BigInt(bits - prefix);
  return { ...ip, prefix, value: (ip.value >> hostBits) << hostBits };
}

/** True when `ip` lies in one of the networks. An IPv4-mapped IPv6 address counts as IPv4. */
export function ipInCidrs(ip: string, networks: readonly string[]): boolean {
  let addr = parseIp(ip);
  if (!addr) return false;
  if (addr.family === 6 && addr.value >> 32n === 0xffffn) {
    addr = { family: 4, value: addr.value & 0xffffffffn };
  }
  const { family, value } = addr;
  return networks.some(text => {
    const net = parseCidr(text);
    if (!net || net.family !== family) return false;
    const hostBits = BigInt((family === 4 ? 32 : 128) - net.prefix);
    return value >> hostBits === net.value >> hostBits;
  });
}

/** A MAC address in the one form stored and compared: `aa:bb:cc:dd:ee:ff`, or null. */
export function normalizeMac(text: string): string | null {
  const hex = text.trim().toLowerCase();
  if (!/^[0-9a-f]{2}([:-]?[0-9a-f]{2}){5}$/.test(hex)) return null;
  const digits = hex.replace(/[:-]/g, '');
  if (digits.length !== 12 || /^0+$/.test(digits)) return null;
  return digits.match(/../g)?.join(':') ?? null;
}

/** Most networks / gateway addresses one setting holds. */
export const ACCESS_LIST_MAX = 50;

const cidr = z
  .string()
  .max(60)
  .refine(v => parseCidr(v) !== null, { message: 'bad_cidr' })
  .transform(v => v.trim());
const mac = z
  .string()
  .max(20)
  .refine(v => normalizeMac(v) !== null, { message: 'bad_mac' })
  .transform(v => normalizeMac(v) ?? v);

/** A list of networks: null or at least one IPv4/IPv6 CIDR (shared with the alert settings). */
export const networkListSchema = z.array(cidr).min(1).max(ACCESS_LIST_MAX).nullable();
/** A list of gateway MAC addresses: null or at least one. */
export const macListSchema = z.array(mac).min(1).max(ACCESS_LIST_MAX).nullable();

/** The owner's access settings as the devices screen edits them. */
export interface AccessSettings {
  /** Only approved computers may sign in (off by default). */
  requireApprovedDevices: boolean;
  /** Sign-ins only while one of the machine's addresses is in these networks… */
  allowedNetworks: string[] | null;
  /** …or while the default gateway has one of these MAC addresses (null: no restriction). */
  allowedGatewayMacs: string[] | null;
}

/** What this computer looks like right now (hints for the editor, and the lock-out guard). */
export interface ThisMachine {
  deviceId: string;
  /** Non-internal IPv4 and IPv6 addresses. */
  addresses: string[];
  /** The default gateway's MAC, or null where it cannot be read (not Linux, no gateway). */
  gatewayMac: string | null;
  /** Whether the current settings let this computer sign in. */
  deviceApproved: boolean;
  networkAllowed: boolean;
}

/** One computer seen at sign-in. */
export interface DeviceView {
  id: string;
  label: string;
  status: 'pending' | 'approved' | 'revoked';
  firstSeenAt: string;
  firstSeenUserId: string | null;
  lastSeenAt: string;
  lastSeenUserId: string | null;
  approvedAt: string | null;
  approvedBy: string | null;
  revokedAt: string | null;
  /** True for the computer this call came from. */
  current: boolean;
}

/** The devices screen's data. */
export interface DevicesOverview {
  settings: AccessSettings;
  devices: DeviceView[];
  machine: ThisMachine;
}

/** Why a settings change or a revoke was refused (`conflict`, `details.reason`). */
export const ACCESS_CONFLICTS = [
  'would_lock_out_network',
  'would_lock_out_device',
  'gateway_unknown',
] as const;
export type AccessConflict = (typeof ACCESS_CONFLICTS)[number];

const deviceId = z.string().regex(/^dev-[0-9a-z-]{4,60}$/, 'device id');

export const devicesContract = {
  /** Settings, every computer seen (pending first) and this computer's facts. */
  list: channel<DevicesOverview>()({
    input: z.object({}).strict(),
    permission: 'settings.manage',
    audit: false,
  }),
  /** Approves a computer (again, after a revoke). */
  approve: channel<DeviceView>()({
    input: z.object({ id: deviceId }).strict(),
    permission: 'settings.manage',
  }),
  /** Revokes a computer: sign-ins from it are refused while approval is required. */
  revoke: channel<DeviceView>()({
    input: z.object({ id: deviceId }).strict(),
    permission: 'settings.manage',
  }),
  /** Renames a computer (the OS host name by default). */
  rename: channel<DeviceView>()({
    input: z
      .object({
        id: deviceId,
        label: z
          .string()
          .trim()
          .min(1)
          .max(80)
          .refine(v => !/[\p{Cc}]/u.test(v), 'no control characters'),
      })
      .strict(),
    permission: 'settings.manage',
  }),
  /**
   * Changes some access settings (audited field by field). Refused with `conflict` when the result
   * would refuse this very computer; turning approval on approves this computer.
   */
  updateSettings: channel<DevicesOverview>()({
    input: z
      .object({
        requireApprovedDevices: z.boolean(),
        allowedNetworks: networkListSchema,
        allowedGatewayMacs: macListSchema,
      })
      .partial()
      .strict()
      .refine(v => Object.keys(v).length > 0, { message: 'give at least one setting' }),
    permission: 'settings.manage',
  }),
} as const;
