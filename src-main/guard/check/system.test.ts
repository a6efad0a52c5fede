import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { detectDiskEncryption, fetchCertificateExpiry } from './system';

describe('machine probes of the security check', () => {
  it('disk encryption is detected or reported unknown, never an error', async () => {
    expect(['encrypted', 'not_encrypted', 'unknown']).toContain(
      await detectDiskEncryption(tmpdir()),
    );
    expect(await detectDiskEncryption('/no/such/folder/anywhere')).toBe('unknown');
  });

  it('an unreachable or non-TLS update server gives no certificate rather than an error', async () => {
    const server = createServer(socket => socket.end('not tls\r\n'));
    await new Promise<void>(resolve => server.listen(0, '127.0.0.1', resolve));
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      expect(await fetchCertificateExpiry('127.0.0.1', port, 2000)).toBeNull();
    } finally {
      server.close();
    }
  });
});
