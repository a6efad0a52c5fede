// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { PREVIEW_TOKEN_KEY, createHttpApi, readPreviewToken } from './index';

afterEach(() => {
  window.sessionStorage.clear();
  window.history.replaceState(null, '', '/');
});

interface Sent {
  url: string;
  init: RequestInit;
}

function fakeFetch(reply: () => Response | Promise<Response>): {
  fetch: typeof fetch;
  sent: Sent[];
} {
  const sent: Sent[] = [];
  const impl = (async (url: string, init: RequestInit) => {
    sent.push({ url, init });
    return reply();
  }) as unknown as typeof fetch;
  return { fetch: impl, sent };
}

describe('renderer bridge: preview token', () => {
  it('takes the token from #token=…, keeps it for this tab and removes it from the address bar', () => {
    window.history.replaceState(null, '', '/contacts?x=1#token=abc_DEF-123');
    expect(readPreviewToken()).toBe('abc_DEF-123');
    expect(window.location.hash).toBe('');
    expect(window.location.pathname + window.location.search).toBe('/contacts?x=1');
    expect(window.sessionStorage.getItem(PREVIEW_TOKEN_KEY)).toBe('abc_DEF-123');
    // After a reload (no hash) the stored token is used.
    expect(readPreviewToken()).toBe('abc_DEF-123');
  });

  it('has no token when the page was opened without one', () => {
    expect(readPreviewToken()).toBeNull();
  });
});

describe('renderer bridge: HTTP transport', () => {
  it('posts {channel, input} with the bearer token and returns the router result', async () => {
    const { fetch, sent } = fakeFetch(() =>
      Response.json({ ok: true, value: { state: 'locked' } }),
    );
    const api = createHttpApi('tok', fetch);
    expect(await api.auth.status({})).toEqual({ ok: true, value: { state: 'locked' } });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.url).toBe('/api/call');
    expect(new Headers(sent[0]?.init.headers).get('Authorization')).toBe('Bearer tok');
    expect(JSON.parse(String(sent[0]?.init.body))).toEqual({
      channel: 'zamok:auth.status',
      input: {},
    });
  });

  it('refuses input that is not plain data without sending it', async () => {
    const { fetch, sent } = fakeFetch(() => Response.json({ ok: true, value: 1 }));
    const api = createHttpApi('tok', fetch);
    const result = await api.auth.status({ big: 1n } as never);
    expect(result.ok ? 'ok' : result.error.code).toBe('invalid_input');
    expect(sent).toHaveLength(0);
  });

  it('turns transport failures into typed errors instead of throwing', async () => {
    const cases: [() => Response | Promise<Response>, string][] = [
      [() => new Response('no', { status: 401 }), 'forbidden_sender'],
      [() => new Response('no', { status: 403 }), 'forbidden_sender'],
      [() => new Response('boom', { status: 500 }), 'internal'],
      [() => new Response('not json', { status: 200 }), 'internal'],
      [() => Response.json({ weird: true }), 'internal'],
      [() => Promise.reject(new TypeError('network down')), 'internal'],
      [() => Response.json({ ok: true, value: 1 }, { status: 500 }), 'internal'],
      [
        () =>
          Response.json(
            { ok: false, error: { code: 'invalid_input', message: 'x' } },
            { status: 400 },
          ),
        'invalid_input',
      ],
      [
        () =>
          Response.json(
            { ok: false, error: { code: 'invalid_input', message: 'x' } },
            { status: 413 },
          ),
        'invalid_input',
      ],
    ];
    for (const [reply, code] of cases) {
      const api = createHttpApi(null, fakeFetch(reply).fetch);
      const result = await api.auth.status({});
      expect(result.ok ? 'ok' : result.error.code).toBe(code);
    }
  });
});
