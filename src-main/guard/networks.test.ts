import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ipInCidrs,
  macListSchema,
  networkListSchema,
  normalizeMac,
  parseCidr,
} from '../../src-shared/ipc/devices';
import { makeTempDir } from '../vault/temp-vault.test-support';
import { boundDeviceId, hostDeviceId } from './devices-identity';
import { gatewayMacFromProc, networkAllowed, readGatewayMac } from './networks';

// As the Linux kernel prints them: the default route via 192.168.1.1 on wlp2s0, a VPN route, and
// the ARP cache with the router (complete) and a neighbour that never answered (flags 0x0).
const ROUTE = `Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT
wlp2s0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0
wlp2s0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0
tun0\t0000080A\t00000000\t0001\t0\t0\t50\t0000FFFF\t0\t0\t0
`;
const ARP = `IP address       HW type     Flags       HW address            Mask     Device
192.168.1.7      0x1         0x0         00:00:00:00:00:00     *        wlp2s0
192.168.1.1      0x1         0x2         A4:2B:B0:11:22:33     *        wlp2s0
`;

describe('networks: CIDR matching', () => {
  it('matches IPv4 addresses against IPv4 networks, edges included', () => {
    const office = ['192.168.1.0/24', '10.8.0.0/16'];
    expect(ipInCidrs('192.168.1.0', office)).toBe(true);
    expect(ipInCidrs('192.168.1.255', office)).toBe(true);
    expect(ipInCidrs('192.168.2.1', office)).toBe(false);
    expect(ipInCidrs('10.8.254.3', office)).toBe(true);
    expect(ipInCidrs('10.9.0.1', office)).toBe(false);
    expect(ipInCidrs('8.8.8.8', ['0.0.0.0/0'])).toBe(true);
    expect(ipInCidrs('192.168.1.20', ['192.168.1.20/32'])).toBe(true);
    expect(ipInCidrs('192.168.1.21', ['192.168.1.20/32'])).toBe(false);
  });

  it('matches IPv6 addresses (compressed, zone ids, IPv4-mapped) and never across families', () => {
    const office = ['2001:db8:abcd:12::/64', 'fe80::/10'];
    expect(ipInCidrs('2001:db8:abcd:12:1c2f:8aff:fe01:2', office)).toBe(true);
    expect(ipInCidrs('2001:0db8:abcd:0012::1', office)).toBe(true);
    expect(ipInCidrs('2001:db8:abcd:13::1', office)).toBe(false);
    expect(ipInCidrs('fe80::1ff:fe23:4567:890a%eth0', office)).toBe(true);
    expect(ipInCidrs('::ffff:192.168.1.20', ['192.168.1.0/24'])).toBe(true);
    expect(ipInCidrs('192.168.1.20', ['::/0'])).toBe(false);
    expect(ipInCidrs('2001:db8::1', ['0.0.0.0/0'])).toBe(false);
    expect(ipInCidrs('not an address', ['0.0.0.0/0'])).toBe(false);
  });

  it('parses only well-formed networks', () => {
    expect(parseCidr('192.168.1.77/24')).toMatchObject({ family: 4, prefix: 24 });
    expect(parseCidr('2001:db8::/32')).toMatchObject({ family: 6, prefix: 32 });
    for (const bad of [
      '10.0.0.0/33',
      '256.1.1.1/8',
      '10.0.0/8',
      '10.0.0.0',
      '2001:db8::/129',
      '2001:db8:::1/64',
      '1:2:3:4:5:6:7:8:9/64',
      'fe80::1%eth0/64',
      'office/24',
    ]) {
      expect(parseCidr(bad), bad).toBeNull();
    }
  });
});

describe('networks: settings validation', () => {
  it('accepts IPv4 and IPv6 lists, refuses bad ones with a code the screen translates', () => {
    expect(networkListSchema.parse([' 192.168.1.0/24', '2001:db8::/48'])).toEqual([
      '192.168.1.0/24',
      '2001:db8::/48',
    ]);
    const bad = networkListSchema.safeParse(['192.168.1.0/24', '10.0.0.0/33']);
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ message: 'bad_cidr', path: [1] });
    expect(networkListSchema.safeParse([]).success).toBe(false);
  });

  it('stores gateway MACs in one form and refuses malformed or all-zero ones', () => {
    expect(macListSchema.parse(['A4-2B-B0-11-22-33', 'a42bb0112234'])).toEqual([
      'a4:2b:b0:11:22:33',
      'a4:2b:b0:11:22:34',
    ]);
    for (const bad of ['a4:2b:b0:11:22', '00:00:00:00:00:00', 'zz:2b:b0:11:22:33', 'router']) {
      expect(normalizeMac(bad), bad).toBeNull();
      expect(macListSchema.safeParse([bad]).error?.issues[0]?.message).toBe('bad_mac');
    }
  });
});

describe('networks: the default gateway on Linux', () => {
  it('finds the gateway MAC from /proc/net/route and /proc/net/arp', () => {
    expect(gatewayMacFromProc(ROUTE, ARP)).toBe('a4:2b:b0:11:22:33');
  });

  it('answers null without a default route, for an incomplete ARP entry, and off Linux', () => {
    const noDefault = ROUTE.split('\n')
      .filter(line => !line.includes('\t00000000\t0101A8C0'))
      .join('\n');
    expect(gatewayMacFromProc(noDefault, ARP)).toBeNull();
    const incomplete = ARP.replace('0x2         A4', '0x0         A4');
    expect(gatewayMacFromProc(ROUTE, incomplete)).toBeNull();

    const proc = makeTempDir('zamok-proc-');
    mkdirSync(join(proc, 'net'));
    writeFileSync(join(proc, 'net', 'route'), ROUTE);
    writeFileSync(join(proc, 'net', 'arp'), ARP);
    expect(readGatewayMac(proc, 'linux')).toBe('a4:2b:b0:11:22:33');
    expect(readGatewayMac(proc, 'darwin')).toBeNull();
    expect(readGatewayMac(join(proc, 'missing'), 'linux')).toBeNull();
  });

  it('lets a machine in by an address in the networks or by the gateway MAC', () => {
    const atHome = { localAddresses: () => ['10.0.0.5'], gatewayMac: () => '11:22:33:44:55:66' };
    const inOffice = { localAddresses: () => ['10.0.0.5'], gatewayMac: () => 'a4:2b:b0:11:22:33' };
    const rules = {
      allowedNetworks: ['192.168.1.0/24'],
      allowedGatewayMacs: ['a4:2b:b0:11:22:33'],
    };
    expect(networkAllowed({ allowedNetworks: null, allowedGatewayMacs: null }, atHome)).toBe(true);
    expect(networkAllowed(rules, atHome)).toBe(false);
    expect(networkAllowed(rules, inOffice)).toBe(true);
    expect(networkAllowed({ allowedNetworks: ['10.0.0.0/8'] }, atHome)).toBe(true);
  });
});

describe('device ids', () => {
  it('a keychain-bound id needs the secret: same host names, different secret, different id', () => {
    const name = 'reception-pc\u0000olena';
    const a = boundDeviceId(Buffer.alloc(32, 1), name);
    expect(a).toMatch(/^dev-[0-9a-f]{16}$/);
    expect(boundDeviceId(Buffer.alloc(32, 1), name)).toBe(a);
    expect(boundDeviceId(Buffer.alloc(32, 2), name)).not.toBe(a);
    // The host-name id is what anyone can recompute; the bound one is not it.
    expect(hostDeviceId(name)).not.toBe(a);
    expect(boundDeviceId(Buffer.alloc(32, 1), 'other-pc\u0000olena')).not.toBe(a);
  });
});
