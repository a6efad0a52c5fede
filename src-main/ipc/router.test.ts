import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { channel, listChannels, type CallError } from '../../src-shared/ipc/contract';
import { contract } from '../../src-shared/ipc';
import { isScopedPermission, type Grants, type Permission } from '../../src-shared/permissions';
import { CallFailure, INTERNAL_MESSAGE } from './errors';
import type { CallerContext } from './guard';
import { createRouter, type Handlers } from './router';
import { noSessions, type SessionSource } from './session';
import { recordingHandlers } from './router.test-support';
import type { Wrapper } from './wrappers';

const cli: CallerContext = { host: 'cli' };
const appFrame: CallerContext = {
  host: 'electron',
  sender: { frameUrl: 'app://zamok/index.html', isMainFrame: true },
};

/** A small contract exercising every permission level. */
const demo = {
  notes: {
    hello: channel<string>()({ input: z.object({}).strict(), permission: 'public' }),
    whoami: channel<string>()({ input: z.object({}).strict(), permission: 'session' }),
    audit: channel<number>()({
      input: z.object({ limit: z.number().int().max(100) }).strict(),
      permission: 'audit.read',
    }),
    fail: channel<never>()({
      input: z.object({ kind: z.string().max(20) }).strict(),
      permission: 'public',
    }),
  },
} as const;

class VaultErrorLike extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

const demoHandlers: Handlers<typeof demo> = {
  notes: {
    hello: () => 'hello',
    whoami: ctx => ctx.session?.login ?? '?',
    audit: (_ctx, input) => input.limit,
    fail: (_ctx, { kind }) => {
      if (kind === 'expected') throw new CallFailure('not_found', 'No such contact.', { id: 'c1' });
      if (kind === 'vault') throw new VaultErrorLike('vault_corrupt', 'The vault file is damaged.');
      if (kind === 'errno')
        throw new VaultErrorLike('ENOENT', 'open /home/olena/SECRET-123 failed');
      if (kind === 'string') throw 'SECRET-123 thrown as a string';
      throw new TypeError('password SECRET-123 leaked into a message');
    },
  },
};

function sessionOf(permissions: ReadonlySet<Permission> = new Set()): SessionSource {
  const grants: Grants = {};
  for (const p of permissions) Object.assign(grants, { [p]: isScopedPermission(p) ? 'own' : true });
  return {
    current: () => ({ userId: 'u1', login: 'olena', role: 'manager', grants, teamId: null }),
  };
}

function demoRouter(sessions: SessionSource = noSessions, logged: string[] = []) {
  return createRouter({
    contract: demo,
    handlers: demoHandlers,
    sessions,
    logInternalError: (ch, cls) => logged.push(`${ch} ${cls}`),
  });
}

function errorOf(result: { ok: boolean; error?: CallError }): CallError | undefined {
  return result.ok ? undefined : result.error;
}

describe('router: permissions', () => {
  it('lets anyone call a public channel', async () => {
    expect(await demoRouter().call('zamok:notes.hello', {}, cli)).toEqual({
      ok: true,
      value: 'hello',
    });
  });

  it('refuses session channels to a caller who is not signed in', async () => {
    const result = await demoRouter().call('zamok:notes.whoami', {}, cli);
    expect(errorOf(result)?.code).toBe('unauthenticated');
  });

  it('serves session channels to any signed-in user', async () => {
    const result = await demoRouter(sessionOf()).call('zamok:notes.whoami', {}, cli);
    expect(result).toEqual({ ok: true, value: 'olena' });
  });

  it('refuses a permission the role lacks, and allows it when granted', async () => {
    const denied = await demoRouter(sessionOf()).call('zamok:notes.audit', { limit: 5 }, cli);
    expect(errorOf(denied)?.code).toBe('forbidden');
    const anonymous = await demoRouter().call('zamok:notes.audit', { limit: 5 }, cli);
    expect(errorOf(anonymous)?.code).toBe('unauthenticated');
    const allowed = await demoRouter(sessionOf(new Set(['audit.read']))).call(
      'zamok:notes.audit',
      { limit: 5 },
      cli,
    );
    expect(allowed).toEqual({ ok: true, value: 5 });
  });

  it('runs wrappers inside the permission check, first wrapper outermost', async () => {
    const trace: string[] = [];
    const tag =
      (label: string): Wrapper =>
      (meta, next) =>
      async (ctx, input) => {
        trace.push(`${label}>${meta.call}`);
        const value = await next(ctx, input);
        trace.push(`${label}<${meta.call}`);
        return value;
      };
    const router = createRouter({
      contract: demo,
      handlers: demoHandlers,
      sessions: sessionOf(),
      wrappers: [tag('audit'), tag('inner')],
    });
    await router.call('zamok:notes.whoami', {}, cli);
    expect(trace).toEqual(['audit>whoami', 'inner>whoami', 'inner<whoami', 'audit<whoami']);
    trace.length = 0;
    await router.call('zamok:notes.audit', { limit: 1 }, cli); // refused: wrappers never run
    expect(trace).toEqual([]);
  });
});

describe('router: errors', () => {
  it('answers unknown_channel for a channel that does not exist', async () => {
    const router = demoRouter();
    for (const name of ['zamok:notes.nope', 'constructor', '__proto__', 'zamok:notes.hello ', '']) {
      expect(errorOf(await router.call(name, {}, cli))?.code).toBe('unknown_channel');
    }
    // A non-string channel from a careless host is refused the same way.
    expect(errorOf(await router.call(42 as unknown as string, {}, cli))?.code).toBe(
      'unknown_channel',
    );
  });

  it('refuses Electron calls from another origin or a sub-frame', async () => {
    const router = demoRouter();
    const senders: CallerContext[] = [
      { host: 'electron' },
      { host: 'electron', sender: { frameUrl: 'https://evil.example/', isMainFrame: true } },
      { host: 'electron', sender: { frameUrl: 'app://zamokevil/x', isMainFrame: true } },
      { host: 'electron', sender: { frameUrl: 'file:///tmp/index.html', isMainFrame: true } },
      { host: 'electron', sender: { frameUrl: 'app://zamok/index.html', isMainFrame: false } },
    ];
    for (const sender of senders) {
      expect(errorOf(await router.call('zamok:notes.hello', {}, sender))?.code).toBe(
        'forbidden_sender',
      );
    }
    // Unknown channels are not revealed to a foreign frame either.
    const foreign: CallerContext = {
      host: 'electron',
      sender: { frameUrl: 'https://evil.example/', isMainFrame: true },
    };
    expect(errorOf(await router.call('zamok:x.y', {}, foreign))?.code).toBe('forbidden_sender');
    expect(await router.call('zamok:notes.hello', {}, appFrame)).toEqual({
      ok: true,
      value: 'hello',
    });
  });

  it('maps a CallFailure to its code, message and details', async () => {
    const result = await demoRouter().call('zamok:notes.fail', { kind: 'expected' }, cli);
    expect(result).toEqual({
      ok: false,
      error: { code: 'not_found', message: 'No such contact.', details: { id: 'c1' } },
    });
  });

  it('maps an error carrying a known code (vault errors) to that code', async () => {
    const result = await demoRouter().call('zamok:notes.fail', { kind: 'vault' }, cli);
    expect(result).toEqual({
      ok: false,
      error: { code: 'vault_corrupt', message: 'The vault file is damaged.' },
    });
  });

  it('turns any other exception into internal, with no stack, message or secret', async () => {
    const logged: string[] = [];
    const router = demoRouter(noSessions, logged);
    for (const kind of ['crash', 'errno', 'string']) {
      const result = await router.call('zamok:notes.fail', { kind }, cli);
      expect(result).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } });
      expect(JSON.stringify(result)).not.toMatch(/SECRET-123|at |\.ts/);
    }
    expect(logged).toEqual([
      'zamok:notes.fail TypeError',
      'zamok:notes.fail VaultErrorLike',
      'zamok:notes.fail string',
    ]);
    expect(logged.join('\n')).not.toContain('SECRET-123');
  });

  it('turns a failing session source into internal', async () => {
    const broken: SessionSource = {
      current: () => {
        throw new Error('SECRET-123');
      },
    };
    const result = await demoRouter(broken).call('zamok:notes.whoami', {}, cli);
    expect(result).toEqual({ ok: false, error: { code: 'internal', message: INTERNAL_MESSAGE } });
  });

  it('names the bad fields without echoing their values', async () => {
    const result = await demoRouter(sessionOf(new Set(['audit.read']))).call(
      'zamok:notes.audit',
      { limit: 'SECRET-123', sneaky_SECRET: 1 },
      cli,
    );
    const error = errorOf(result);
    expect(error?.code).toBe('invalid_input');
    expect(error?.message).toContain('limit');
    expect(error?.details).toEqual({ fields: ['limit', '(root)'] });
    expect(JSON.stringify(result)).not.toContain('SECRET');
  });
});

describe('router: startup', () => {
  it('refuses to start when a channel lacks a permission or names an unknown one', () => {
    const missing = { f: { c: { input: z.object({}) } } };
    const unknown = { f: { c: { input: z.object({}), permission: 'contacts.teleport' } } };
    for (const bad of [missing, unknown]) {
      expect(() =>
        createRouter({
          // Deliberately invalid contracts, as a JS caller or a bad merge could produce.
          contract: bad as never,
          handlers: { f: { c: () => 1 } } as never,
          sessions: noSessions,
        }),
      ).toThrow(/Refusing to start the router:\nzamok:f\.c: missing or unknown permission/);
    }
  });

  it('refuses to start when a handler is missing or extra at runtime', () => {
    const { handlers } = recordingHandlers(demo);
    const withoutOne = { notes: { ...handlers.notes, audit: undefined } };
    expect(() =>
      createRouter({ contract: demo, handlers: withoutOne as never, sessions: noSessions }),
    ).toThrow(/no handler for zamok:notes\.audit/);
    const withExtra = { notes: { ...handlers.notes, steal: () => 1 } };
    expect(() =>
      createRouter({ contract: demo, handlers: withExtra as never, sessions: noSessions }),
    ).toThrow(/undeclared channel notes\.steal/);
  });

  it('demands a handler for every channel at compile time', () => {
    const { hello, whoami, audit } = demoHandlers.notes;
    // @ts-expect-error -- `fail` is missing: a declared channel without a handler does not compile.
    const missing: Handlers<typeof demo> = { notes: { hello, whoami, audit } };
    const wrongResult: Handlers<typeof demo> = {
      // @ts-expect-error -- a handler must return the declared result type (number, not string).
      notes: { ...demoHandlers.notes, audit: () => 'x' },
    };
    expect([missing, wrongResult]).toHaveLength(2);
  });

  it('serves exactly the channels of the contract', () => {
    const { handlers } = recordingHandlers(contract);
    const router = createRouter({ contract, handlers, sessions: noSessions });
    expect([...router.channels].sort()).toEqual(
      listChannels(contract)
        .map(c => c.name)
        .sort(),
    );
  });
});
