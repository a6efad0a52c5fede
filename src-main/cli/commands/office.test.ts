/**
 * `zamok office serve` usage errors, in-process: each is exit 2 with one line and starts nothing
 * (the server itself runs as a child process in src-server/crash.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { zamokInProcess } from '../cli.test-support';

describe('zamok office serve', () => {
  it('needs exactly one of --data and --database', async () => {
    const neither = await zamokInProcess(['office', 'serve']);
    expect(neither.status).toBe(2);
    expect(neither.stderr).toBe(
      'zamok: Give --data DIR (embedded PostgreSQL) or --database URL.\n',
    );
    const both = await zamokInProcess([
      'office',
      'serve',
      '--data',
      '/nonexistent/office',
      '--database',
      'postgres://x@127.0.0.1/y',
    ]);
    expect(both.status).toBe(2);
    expect(both.stderr).toBe('zamok: Give --data or --database, not both.\n');
    const fromEnv = await zamokInProcess(['office', 'serve', '--data', '/nonexistent/office'], {
      env: { ZAMOK_OFFICE_DATABASE_URL: 'postgres://x@127.0.0.1/y' },
    });
    expect(fromEnv.stderr).toBe('zamok: Give --data or --database, not both.\n');
  });

  it('refuses plain HTTP off loopback, a bad port, and half a certificate', async () => {
    const data = ['office', 'serve', '--data', '/nonexistent/office'];
    const open = await zamokInProcess([...data, '--host', '0.0.0.0']);
    expect(open.status).toBe(2);
    expect(open.stderr).toBe(
      'zamok: Plain HTTP is allowed on loopback only: give --tls-cert and --tls-key.\n',
    );
    const port = await zamokInProcess([...data, '--port', '70000']);
    expect(port.stderr).toBe('zamok: --port must be a number from 0 to 65535.\n');
    const half = await zamokInProcess([...data, '--tls-cert', '/nonexistent/cert.pem']);
    expect(half.status).toBe(2);
    expect(half.stderr).toBe('zamok: Give both --tls-cert and --tls-key.\n');
  });
});
