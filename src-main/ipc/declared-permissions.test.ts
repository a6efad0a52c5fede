/**
 * Second permissions declared on a channel and resolved by the permission wrapper: `also` (a
 * permission some inputs need, refused with the declared message) and `grants` (extra grants handed
 * to the handler as `ctx.grants`). A small contract, a real router, sessions with chosen grants.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  channel,
  type CallError,
  type Result,
  type VaultFacts,
} from '../../src-shared/ipc/contract';
import type { Grants } from '../../src-shared/permissions';
import { createRouter, type Handlers } from './router';
import { noSessions, type Session, type SessionSource } from './session';
import { createPermissionWrapper, type HandlerContext } from './wrappers';

const cli = { host: 'cli' } as const;
const NO_DELETED = 'Your role does not allow seeing deleted notes.';

const demo = {
  notes: {
    /** Deleted notes need `contacts.restore`; the company link needs the caller's companies scope. */
    list: channel<{ grants: unknown }>()({
      input: z.object({ includeDeleted: z.boolean().optional() }).strict(),
      permission: 'contacts.read',
      also: [
        {
          permission: 'contacts.restore',
          message: NO_DELETED,
          when: input => input.includeDeleted === true,
        },
      ],
      grants: ['companies.read', 'exports.approve'],
    }),
    /** Any session; sees only whether the caller reads audit entries. */
    mine: channel<{ grants: unknown }>()({
      input: z.object({}).strict(),
      permission: 'session',
      grants: ['audit.read'],
    }),
    /** Declares nothing: its handler gets no grants. */
    plain: channel<{ grants: unknown }>()({
      input: z.object({}).strict(),
      permission: 'contacts.read',
    }),
  },
} as const;

function demoRouter(sessions: SessionSource, ran: string[] = []) {
  const answer = (name: string) => (ctx: HandlerContext) => {
    ran.push(name);
    return { grants: ctx.grants };
  };
  const handlers: Handlers<typeof demo> = {
    notes: { list: answer('list'), mine: answer('mine'), plain: answer('plain') },
  };
  return createRouter({ contract: demo, handlers, sessions });
}

function as(grants: Grants, extra: Partial<Session> = {}): SessionSource {
  const session: Session = {
    userId: 'u1',
    login: 'olena',
    role: 'custom-1',
    grants,
    teamId: null,
    ...extra,
  };
  return { current: () => session };
}

function errorOf(result: Result<unknown>): CallError | undefined {
  return result.ok ? undefined : result.error;
}

describe('declared permissions: also (conditional)', () => {
  it('allows the call when the condition does not apply, without the second permission', async () => {
    const ran: string[] = [];
    const router = demoRouter(as({ 'contacts.read': 'own' }), ran);
    for (const input of [{}, { includeDeleted: false }]) {
      expect((await router.call('zamok:notes.list', input, cli)).ok).toBe(true);
    }
    expect(ran).toEqual(['list', 'list']);
  });

  it('refuses with the declared message when the condition applies and the role lacks it', async () => {
    const ran: string[] = [];
    const router = demoRouter(as({ 'contacts.read': 'all', 'companies.read': 'all' }), ran);
    const result = await router.call('zamok:notes.list', { includeDeleted: true }, cli);
    expect(result).toEqual({ ok: false, error: { code: 'forbidden', message: NO_DELETED } });
    expect(ran).toEqual([]);
  });

  it('allows the call when the condition applies and the role holds the second permission', async () => {
    const router = demoRouter(as({ 'contacts.read': 'own', 'contacts.restore': true }));
    const result = await router.call('zamok:notes.list', { includeDeleted: true }, cli);
    expect(result.ok).toBe(true);
  });

  it('checks the channel permission first, and the session before anything', async () => {
    const noRead = demoRouter(as({ 'contacts.restore': true, 'companies.read': 'all' }));
    expect(errorOf(await noRead.call('zamok:notes.list', { includeDeleted: true }, cli))).toEqual({
      code: 'forbidden',
      message: 'Your role does not allow this.',
    });
    const nobody = demoRouter(noSessions);
    expect(errorOf(await nobody.call('zamok:notes.list', { includeDeleted: true }, cli))).toEqual({
      code: 'unauthenticated',
      message: 'Please sign in first.',
    });
  });

  it('keeps a session restricted to its first sign-in out before the condition is judged', async () => {
    const restricted = demoRouter(
      as({ 'contacts.read': 'own', 'contacts.restore': true }, { restricted: 'first_sign_in' }),
    );
    const result = await restricted.call('zamok:notes.list', { includeDeleted: true }, cli);
    expect(errorOf(result)?.code).toBe('password_change_required');
  });
});

describe('declared permissions: grants handed to the handler', () => {
  it('hands over exactly the declared grants: their scope, true, or undefined when not held', async () => {
    const router = demoRouter(
      as({ 'contacts.read': 'own', 'companies.read': 'team', 'audit.read': true }),
    );
    const result = await router.call('zamok:notes.list', {}, cli);
    expect(result).toEqual({
      ok: true,
      value: { grants: { 'companies.read': 'team', 'exports.approve': undefined } },
    });
    const all = demoRouter(as({ 'contacts.read': 'all', 'exports.approve': true }));
    expect(await all.call('zamok:notes.list', {}, cli)).toEqual({
      ok: true,
      value: { grants: { 'companies.read': undefined, 'exports.approve': true } },
    });
  });

  it('never refuses for a missing declared grant, and works on session-level channels', async () => {
    const router = demoRouter(as({ 'contacts.read': 'own' }));
    expect(await router.call('zamok:notes.mine', {}, cli)).toEqual({
      ok: true,
      value: { grants: { 'audit.read': undefined } },
    });
    const auditor = demoRouter(as({ 'audit.read': true }));
    expect(await auditor.call('zamok:notes.mine', {}, cli)).toEqual({
      ok: true,
      value: { grants: { 'audit.read': true } },
    });
  });

  it('gives a channel that declares nothing no grants, and the handler cannot change them', async () => {
    let seen: HandlerContext | undefined;
    const handlers: Handlers<typeof demo> = {
      notes: {
        list: ctx => {
          seen = ctx;
          return { grants: ctx.grants };
        },
        mine: () => ({ grants: null }),
        plain: ctx => ({ grants: ctx.grants }),
      },
    };
    const router = createRouter({
      contract: demo,
      handlers,
      sessions: as({ 'contacts.read': 'own', 'companies.read': 'own', 'audit.read': true }),
    });
    expect(await router.call('zamok:notes.plain', {}, cli)).toEqual({
      ok: true,
      value: { grants: {} },
    });
    await router.call('zamok:notes.list', {}, cli);
    expect(Object.isFrozen(seen?.grants)).toBe(true);
  });

  it('types ctx.grants per channel: an undeclared grant does not compile', () => {
    const handlers: Handlers<typeof demo> = {
      notes: {
        list: ctx => ({ grants: ctx.grants['companies.read'] }),
        // @ts-expect-error `mine` declares audit.read only
        mine: ctx => ({ grants: ctx.grants['companies.read'] }),
        // @ts-expect-error `plain` declares no grants
        plain: ctx => ({ grants: ctx.grants['companies.read'] }),
      },
    };
    expect(Object.keys(handlers.notes)).toEqual(['list', 'mine', 'plain']);
  });
});

describe("declared permissions: conditions on the vault's facts", () => {
  const owned = {
    office: {
      /** Leaving: any session, but an owner device's leaving needs settings.manage. */
      leave: channel<string>()({
        input: z.object({}).strict(),
        permission: 'session',
        also: [
          {
            when: (_input, vault) => vault.officeMembership()?.role === 'owner',
            permission: 'settings.manage',
            message: 'Owner only.',
          },
        ],
      }),
    },
  } as const;
  const facts = (role: string | null): VaultFacts => ({
    officeMembership: () => (role === null ? null : { status: 'active', role }),
  });
  function officeRouter(grants: Grants, vault: VaultFacts | null, ran: string[]) {
    return createRouter({
      contract: owned,
      handlers: { office: { leave: () => (ran.push('leave'), 'left') } },
      sessions: as(grants),
      ...(vault ? { authorize: createPermissionWrapper({ vault }) } : {}),
    });
  }

  it('judges the condition on the vault the wrapper reads, not on the input alone', async () => {
    const ran: string[] = [];
    const staff = { 'contacts.read': 'own' } as const;
    expect(
      await officeRouter(staff, facts('owner'), ran).call('zamok:office.leave', {}, cli),
    ).toEqual({
      ok: false,
      error: { code: 'forbidden', message: 'Owner only.' },
    });
    expect(ran).toEqual([]);
    for (const role of ['manager', null]) {
      expect(
        (await officeRouter(staff, facts(role), ran).call('zamok:office.leave', {}, cli)).ok,
      ).toBe(true);
    }
    const owner = officeRouter({ 'settings.manage': true }, facts('owner'), ran);
    expect((await owner.call('zamok:office.leave', {}, cli)).ok).toBe(true);
    expect(ran).toEqual(['leave', 'leave', 'leave']);
  });

  it('fails closed where the router has no vault facts (the default permission wrapper)', async () => {
    const ran: string[] = [];
    const result = await officeRouter({ 'contacts.read': 'own' }, null, ran).call(
      'zamok:office.leave',
      {},
      cli,
    );
    expect(errorOf(result)?.code).toBe('internal');
    expect(ran).toEqual([]);
  });
});

describe('declared permissions: checked at start-up', () => {
  const input = z.object({}).strict();
  const bad: [string, Record<string, unknown>, RegExp][] = [
    [
      'also on a public channel',
      {
        input,
        permission: 'public',
        also: [{ when: () => true, permission: 'contacts.restore', message: 'No.' }],
      },
      /a public channel cannot declare also or grants/,
    ],
    [
      'grants on a public channel',
      { input, permission: 'public', grants: ['audit.read'] },
      /a public channel cannot declare also or grants/,
    ],
    [
      'an unknown permission in also',
      {
        input,
        permission: 'session',
        also: [{ when: () => true, permission: 'contacts.erase', message: 'No.' }],
      },
      /also must list \{ when, permission, message \}/,
    ],
    [
      'also without a message',
      { input, permission: 'session', also: [{ when: () => true, permission: 'audit.read' }] },
      /also must list/,
    ],
    [
      'also without a condition',
      { input, permission: 'session', also: [{ permission: 'audit.read', message: 'No.' }] },
      /also must list/,
    ],
    [
      "a condition asking for more than the input and the vault's facts",
      {
        input,
        permission: 'session',
        also: [{ when: (_a: 1, _b: 2, _c: 3) => true, permission: 'audit.read', message: 'No.' }],
      },
      /also must list/,
    ],
    [
      'an unknown permission in grants',
      { input, permission: 'session', grants: ['audit.read', 'everything'] },
      /grants must list known permissions/,
    ],
    [
      'grants that are not a list',
      { input, permission: 'session', grants: 'audit.read' },
      /grants must list known permissions/,
    ],
  ];
  for (const [label, spec, message] of bad) {
    it(`refuses to start with ${label}`, () => {
      expect(() =>
        createRouter({
          contract: { notes: { odd: spec } } as never,
          handlers: { notes: { odd: () => 1 } } as never,
          sessions: noSessions,
        }),
      ).toThrow(message);
    });
  }
});
