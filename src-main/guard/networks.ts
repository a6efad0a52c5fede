/**
 * Where this computer is: its addresses and its default gateway's MAC address, and whether the
 * access settings allow a sign-in from here. The gateway MAC is read on Linux from /proc/net/route
 * and /proc/net/arp (no shelling out); elsewhere it is unknown (null) and only address networks can
 * be used — an honest gap, shown in the settings screen.
 */
import { readFileSync } from 'node:fs';
import { networkInterfaces, platform } from 'node:os';
import { join } from 'node:path';
import { ipInCidrs, normalizeMac } from '../../src-shared/ipc/devices';

/** Machine facts the sign-in check and the rules use (tests replace them). */
export interface NetworkFacts {
  /** The machine's non-internal IPv4 and IPv6 addresses. */
  localAddresses(): string[];
  /** The default gateway's MAC (`aa:bb:…`), or null when unknown. */
  gatewayMac?(): string | null;
}

/** The network part of the access settings. */
export interface NetworkRules {
  allowedNetworks: readonly string[] | null;
  allowedGatewayMacs?: readonly string[] | null;
}

/** The machine's non-internal addresses (IPv4 and IPv6; link-local IPv6 kept: it names the LAN). */
export function localAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap(list => list ?? [])
    .filter(a => !a.internal)
    .map(a => a.address);
}

function hexToIpv4(hex: string): string | null {
  // /proc/net/route stores addresses as little-endian hex (0100A8C0 → 192.168.0.1).
  if (!/^[0-9A-Fa-f]{8}$/.test(hex)) return null;
  const bytes = hex.match(/../g)?.map(b => parseInt(b, 16)) ?? [];
  return bytes.reverse().join('.');
}

/**
 * The default gateway's MAC from the text of /proc/net/route and /proc/net/arp, or null (no default
 * route, gateway not in the ARP cache yet, or an incomplete entry).
 */
export function gatewayMacFromProc(route: string, arp: string): string | null {
  const gateways = route
    .split('\n')
    .slice(1)
    .map(line => line.trim().split(/\s+/))
    // Iface Destination Gateway Flags …: the default route has destination 0 and the G flag.
    .filter(cols => cols[1] === '00000000' && (parseInt(cols[3] ?? '0', 16) & 0x2) !== 0)
    .map(cols => ({ iface: cols[0], ip: hexToIpv4(cols[2] ?? '') }));
  for (const gateway of gateways) {
    for (const line of arp.split('\n').slice(1)) {
      // IP address  HW type  Flags  HW address  Mask  Device
      const cols = line.trim().split(/\s+/);
      if (cols[0] !== gateway.ip || cols[5] !== gateway.iface) continue;
      const complete = (parseInt(cols[2] ?? '0', 16) & 0x2) !== 0;
      const mac = complete ? normalizeMac(cols[3] ?? '') : null;
      if (mac) return mac;
    }
  }
  return null;
}

/** Reads the gateway MAC on Linux (`procDir` for tests); null on other systems or on any error. */
export function readGatewayMac(procDir = '/proc', os: string = platform()): string | null {
  if (os !== 'linux') return null;
  try {
    const route = readFileSync(join(procDir, 'net', 'route'), 'utf8');
    const arp = readFileSync(join(procDir, 'net', 'arp'), 'utf8');
    return gatewayMacFromProc(route, arp);
  } catch {
    return null;
  }
}

/** The real machine. */
export const systemNetworkFacts: NetworkFacts = {
  localAddresses,
  gatewayMac: () => readGatewayMac(),
};

/** True when no network rule is set. */
export function networkUnrestricted(rules: NetworkRules): boolean {
  return rules.allowedNetworks === null && (rules.allowedGatewayMacs ?? null) === null;
}

/**
 * True when the rules let this machine in: no rule set, or an address in an allowed network, or the
 * gateway's MAC in the allowed list (either is enough: a laptop on the office Wi-Fi gets a DHCP
 * address from the office range and sees the office router).
 */
export function networkAllowed(rules: NetworkRules, facts: NetworkFacts): boolean {
  if (networkUnrestricted(rules)) return true;
  const networks = rules.allowedNetworks;
  if (networks && facts.localAddresses().some(ip => ipInCidrs(ip, networks))) return true;
  const macs = rules.allowedGatewayMacs;
  if (!macs) return false;
  const mac = facts.gatewayMac?.() ?? null;
  return mac !== null && macs.includes(mac);
}
