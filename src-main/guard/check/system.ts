/**
 * System findings: the app version, the update server's TLS certificate, and whether the disk under
 * the vault is encrypted (detected where cheap: Linux LUKS via findmnt/lsblk, macOS FileVault via
 * fdesetup; anything else is 'unknown'). None of these ever fails the check.
 */
import { execFile } from 'node:child_process';
import { connect } from 'node:tls';
import type { SecurityFinding } from '../../../src-shared/ipc/security';
import { daysBetween, finding } from './finding';

/** Disk encryption as detected. */
export type DiskEncryption = 'encrypted' | 'not_encrypted' | 'unknown';

/** The update server's certificate: null when no update server is configured or it was unreachable. */
export interface UpdateCertificate {
  expiresAt: string;
}

function run(file: string, args: string[]): Promise<string | null> {
  return new Promise(resolve => {
    execFile(file, args, { timeout: 3000, encoding: 'utf8' }, (error, stdout) =>
      resolve(error ? null : stdout),
    );
  });
}

/**
 * Detects disk encryption for the folder `dir`. Linux: the block devices under its mount (lsblk
 * --inverse) include a `crypt` device or a `crypto_LUKS` filesystem. macOS: FileVault is on.
 */
export async function detectDiskEncryption(dir: string): Promise<DiskEncryption> {
  if (process.platform === 'linux') {
    const source = (await run('findmnt', ['-no', 'SOURCE', '--target', dir]))?.trim();
    if (!source?.startsWith('/dev/')) return 'unknown';
    const tree = await run('lsblk', ['-s', '-n', '-l', '-o', 'NAME,TYPE,FSTYPE', source]);
    if (tree === null) return 'unknown';
    return /\bcrypt\b|crypto_LUKS/.test(tree) ? 'encrypted' : 'not_encrypted';
  }
  if (process.platform === 'darwin') {
    const status = await run('fdesetup', ['status']);
    if (status === null) return 'unknown';
    return /FileVault is On/.test(status) ? 'encrypted' : 'not_encrypted';
  }
  return 'unknown';
}

/** Reads the TLS certificate expiry of `host:port` (no data is sent); null when unreachable. */
export function fetchCertificateExpiry(
  host: string,
  port = 443,
  timeoutMs = 5000,
): Promise<UpdateCertificate | null> {
  return new Promise(resolve => {
    // Not trusting it is fine: only its dates are read, and an invalid chain is reported by expiry.
    const socket = connect({ host, port, servername: host, rejectUnauthorized: false }, () => {
      const validTo = socket.getPeerCertificate().valid_to;
      socket.end();
      const time = Date.parse(validTo);
      resolve(Number.isNaN(time) ? null : { expiresAt: new Date(time).toISOString() });
    });
    socket.setTimeout(timeoutMs, () => {
      socket.destroy();
      resolve(null);
    });
    socket.on('error', () => resolve(null));
  });
}

/** The system findings. */
export function systemFindings(
  o: { appVersion: string; certificate: UpdateCertificate | null; disk: DiskEncryption },
  now: Date,
): SecurityFinding[] {
  const findings = [finding('app_version', 'info', { version: o.appVersion })];
  if (o.certificate === null) {
    findings.push(finding('update_certificate', 'info', { expiresAt: null }, 'unknown'));
  } else {
    const days = Math.floor(-daysBetween(o.certificate.expiresAt, now));
    const severity = days < 0 ? 'high' : days < 30 ? 'medium' : 'info';
    findings.push(
      finding('update_certificate', severity, { expiresAt: o.certificate.expiresAt, days }),
    );
  }
  const disk = o.disk;
  findings.push(
    finding(
      'disk_encryption',
      disk === 'not_encrypted' ? 'medium' : 'info',
      { state: disk },
      disk === 'encrypted' ? 'none' : undefined,
    ),
  );
  return findings;
}
