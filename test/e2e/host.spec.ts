/**
 * The browser test host at the HTTP level: it serves the renderer with the strict CSP, answers API
 * calls only to the page holding the per-launch token, and refuses foreign Host headers.
 */
import { request as httpRequest } from 'node:http';
import { expect, test } from './fixtures';

/** Raw HTTP so the test can send a foreign Host header (fetch and browsers will not). */
function post(
  origin: string,
  headers: Record<string, string>,
  body: string,
): Promise<{ status: number; body: string }> {
  const url = new URL('/api/call', origin);
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', headers },
      res => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString('utf8')));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const statusCall = JSON.stringify({ channel: 'zamok:auth.status', input: {} });

test('the page loads from the host with the strict CSP', async ({ page, hostOrigin }) => {
  const response = await page.request.get(`${hostOrigin}/`);
  expect(response.status()).toBe(200);
  const csp = response.headers()['content-security-policy'] ?? '';
  expect(csp).toContain("default-src 'self'");
  // Scripts only from the app itself: no string eval, no inline script. 'wasm-unsafe-eval' (compiling
  // WebAssembly, not JavaScript) is the one allowance, for pdf.js's image decoders (docs/SECURITY.md).
  const scriptSrc = (/(?:^|;)\s*script-src ([^;]*)/.exec(csp)?.[1] ?? '').trim().split(/\s+/);
  expect(scriptSrc).toEqual(["'self'", "'wasm-unsafe-eval'"]);
  expect(csp.split(/[\s;]+/)).not.toContain("'unsafe-eval'");
  expect(csp).toContain("object-src 'none'");
  expect(response.headers()['x-content-type-options']).toBe('nosniff');
  await expect(page).toHaveTitle(/Zamok/);
  expect(page.url().startsWith(`${hostOrigin}/`)).toBe(true);
});

test('the renderer runs under the CSP without a single violation', async ({ page }) => {
  const violations: string[] = [];
  page.on('console', message => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  await page.reload();
  await expect(page.locator('#root')).not.toBeEmpty();
  expect(violations).toEqual([]);
});

test('the renderer takes the token out of the address bar and keeps it for the tab', async ({
  page,
  hostToken,
}) => {
  await expect.poll(() => page.url()).not.toContain('#token=');
  expect(await page.evaluate(() => sessionStorage.getItem('zamok.previewToken'))).toBe(hostToken);
});

test('a call without the token gets 401, with a wrong token too', async ({ hostOrigin }) => {
  const json = { 'Content-Type': 'application/json' };
  expect((await post(hostOrigin, json, statusCall)).status).toBe(401);
  const wrong = { ...json, Authorization: 'Bearer not-the-token' };
  expect((await post(hostOrigin, wrong, statusCall)).status).toBe(401);
});

test('a call with a foreign Host header gets 403, even with the token', async ({
  hostOrigin,
  hostToken,
}) => {
  const headers = {
    'Content-Type': 'application/json',
    Authorization: `Bearer ${hostToken}`,
    Host: 'evil.example',
  };
  expect((await post(hostOrigin, headers, statusCall)).status).toBe(403);
});

test('the page itself can call the router with its token (same origin, CSP allows it)', async ({
  page,
  hostToken,
}) => {
  const result = await page.evaluate(async token => {
    const response = await fetch('/api/call', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ channel: 'zamok:auth.status', input: {} }),
    });
    return { status: response.status, body: (await response.json()) as { ok?: unknown } };
  }, hostToken);
  expect(result.status).toBe(200);
  expect(typeof result.body.ok).toBe('boolean');
});

test('a page on another origin cannot call the host', async ({ page, hostOrigin, hostToken }) => {
  // about:blank has an opaque origin: the cross-origin request with an Authorization header
  // needs a CORS preflight, which the host never grants.
  await page.goto('about:blank');
  const outcome = await page.evaluate(
    async ({ origin, token }) => {
      try {
        const response = await fetch(`${origin}/api/call`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: '{"channel":"zamok:auth.status","input":{}}',
        });
        return `status ${response.status}`;
      } catch {
        return 'blocked';
      }
    },
    { origin: hostOrigin, token: hostToken },
  );
  expect(outcome).toBe('blocked');
});
