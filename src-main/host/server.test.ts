import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/ipc';
import { listChannels, type Result } from '../../src-shared/ipc/contract';
import { CONTENT_SECURITY_POLICY } from '../electron/static-files';
import { createRouter } from '../ipc';
import {
  malformedPayloads,
  ownerSession,
  recordingHandlers,
  validSamples,
} from '../ipc/router.test-support';
import { CALL_PATH, createPreviewServer, type PreviewServer } from './server';

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** Raw HTTP (not fetch): lets the test send any Host header and un-normalised paths. */
function send(
  server: PreviewServer,
  opts: { method?: string; path?: string; headers?: Record<string, string>; body?: string },
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: server.port,
        method: opts.method ?? 'GET',
        path: opts.path ?? '/',
        headers: { Host: `127.0.0.1:${server.port}`, ...opts.headers },
      },
      res => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

function call(server: PreviewServer, body: unknown, token = server.token): Promise<Reply> {
  return send(server, {
    method: 'POST',
    path: CALL_PATH,
    headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  });
}

let dir: string;
let server: PreviewServer;
let recorded: ReturnType<typeof recordingHandlers<typeof contract>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'zamok-host-'));
  const www = join(dir, 'www');
  await mkdir(join(www, 'assets'), { recursive: true });
  await writeFile(join(www, 'index.html'), '<!doctype html><title>Zamok</title>');
  await writeFile(join(www, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'SECRET-123');
  await symlink(join(dir, 'secret.txt'), join(www, 'assets', 'leak.txt'));
  recorded = recordingHandlers(contract);
  const router = createRouter({
    contract,
    handlers: recorded.handlers,
    sessions: { current: () => ownerSession },
  });
  server = await createPreviewServer({ router, staticDir: www });
});

afterAll(async () => {
  await server.close();
  await rm(dir, { recursive: true, force: true });
});

describe('preview host: who may call', () => {
  it('listens on 127.0.0.1 only, with a fresh 32-byte token in the printed URL', async () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/#token=${server.token}`);
    expect(Buffer.from(server.token, 'base64url')).toHaveLength(32);
    const other = await createPreviewServer({
      router: createRouter({
        contract,
        handlers: recorded.handlers,
        sessions: ownerSessionSource(),
      }),
      staticDir: dir,
    });
    expect(other.token).not.toBe(server.token);
    expect(other.port).not.toBe(server.port);
    await other.close();
  });

  it('answers 401 without the token or with a wrong one, and runs nothing', async () => {
    const before = recorded.calls.length;
    const body = JSON.stringify({ channel: 'zamok:auth.status', input: {} });
    const headers = { 'Content-Type': 'application/json' };
    for (const auth of [
      undefined,
      'Bearer ',
      `Bearer ${server.token}x`,
      server.token,
      'Bearer x',
    ]) {
      const reply = await send(server, {
        method: 'POST',
        path: CALL_PATH,
        headers: auth === undefined ? headers : { ...headers, Authorization: auth },
        body,
      });
      expect(reply.status).toBe(401);
      expect(reply.body).not.toContain(server.token);
    }
    expect(recorded.calls.length).toBe(before);
  });

  it('answers 403 to any other Host header (DNS rebinding), even with the token', async () => {
    for (const host of ['evil.example', `localhost:${server.port}`, '127.0.0.1', `127.0.0.1:1`]) {
      const api = await send(server, {
        method: 'POST',
        path: CALL_PATH,
        headers: { Host: host, Authorization: `Bearer ${server.token}` },
        body: '{}',
      });
      expect(api.status).toBe(403);
      expect((await send(server, { path: '/', headers: { Host: host } })).status).toBe(403);
    }
  });

  it('serves a valid call with the token', async () => {
    const reply = await call(server, { channel: 'zamok:auth.status', input: {} });
    expect(reply.status).toBe(200);
    expect(reply.headers['cache-control']).toBe('no-store');
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { handled: 'zamok:auth.status' } });
  });

  it('refuses wrong methods, content types, envelopes and API paths', async () => {
    expect((await send(server, { path: CALL_PATH })).status).toBe(405);
    expect((await send(server, { method: 'DELETE', path: '/' })).status).toBe(405);
    const asForm = await send(server, {
      method: 'POST',
      path: CALL_PATH,
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'text/plain' },
      body: '{"channel":"zamok:auth.status","input":{}}',
    });
    expect(asForm.status).toBe(415);
    for (const envelope of [[], 'x', null, { input: {} }, { channel: 1 }]) {
      const reply = await call(server, envelope);
      expect(reply.status).toBe(400);
      expect((JSON.parse(reply.body) as Result<unknown>).ok).toBe(false);
    }
    const notJson = await send(server, {
      method: 'POST',
      path: CALL_PATH,
      headers: { Authorization: `Bearer ${server.token}`, 'Content-Type': 'application/json' },
      body: '{"channel":',
    });
    expect(JSON.parse(notJson.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect((await call(server, { channel: 'zamok:nope.nope', input: {} })).body).toContain(
      'unknown_channel',
    );
    expect((await send(server, { method: 'POST', path: '/api/other' })).status).toBe(404);
  });

  it('answers 413 with a typed error to a body over the cap, without parsing it', async () => {
    const reply = await call(server, {
      channel: 'zamok:auth.status',
      input: { a: 'z'.repeat(3e6) },
    });
    expect(reply.status).toBe(413);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});

describe('preview host: static files', () => {
  it('serves the renderer with the CSP and nosniff headers', async () => {
    const reply = await send(server, { path: '/' });
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>Zamok</title>');
    expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    const script = await send(server, { path: '/assets/app.js?v=1' });
    expect(script.headers['content-type']).toMatch(/^text\/javascript/);
    expect(script.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
  });

  it('falls back to index.html for client-side routes, 404 for missing files', async () => {
    expect((await send(server, { path: '/contacts/42' })).body).toContain('<title>Zamok</title>');
    expect((await send(server, { path: '/assets/missing.js' })).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
      '/..%5csecret.txt',
      '/assets/leak.txt',
      '/%00index.html',
      '/%E0%A4%A',
    ]) {
      const reply = await send(server, { path });
      expect(reply.status, path).toBeGreaterThanOrEqual(400);
      expect(reply.body, path).not.toContain('SECRET-123');
    }
  });
});

describe('preview host: malformed input on every channel', () => {
  for (const { name, spec } of listChannels(contract)) {
    it(`${name}: every malformed variant gets a typed invalid_input, no handler runs`, async () => {
      const sample = validSamples[name];
      if (!sample) throw new Error(`no sample for ${name}`);
      const before = recorded.calls.length;
      for (const { label, input } of malformedPayloads(sample)) {
        const reply = await call(server, { channel: name, input });
        expect([200, 413], `${name} / ${label}`).toContain(reply.status);
        const result = JSON.parse(reply.body) as Result<unknown>;
        expect(result.ok ? 'ok' : result.error.code, `${name} / ${label}`).toBe('invalid_input');
      }
      expect(recorded.calls.length).toBe(before);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      // The sample itself still goes through (the refusals were about the input), unless the channel
      // is closed to this host (e.g. CLI-only): then it is refused as forbidden, still unhandled.
      const hosts = (spec as { hosts?: readonly string[] }).hosts;
      const valid: unknown = JSON.parse(
        (await call(server, { channel: name, input: sample.input })).body,
      );
      if (hosts && !hosts.includes('preview')) {
        expect(valid).toMatchObject({ ok: false, error: { code: 'forbidden' } });
        expect(recorded.calls.length).toBe(before);
      } else {
        expect(valid).toEqual({ ok: true, value: { handled: name } });
      }
    });
  }
});

function ownerSessionSource() {
  return { current: () => ownerSession };
}
