/**
 * The handler kit on its own: the vault guard, viewers that fail closed, and the audit note an
 * entity's change leaves. (Every handler test exercises it through the router as well.)
 */
import { describe, expect, it } from 'vitest';
import { CallFailure, type HandlerContext, type Session } from '../../ipc';
import type { OpenVault } from '../../vault';
import {
  entityAudit,
  reachOf,
  recordSettings,
  requireVault,
  target,
  viewerOf,
  viewerWith,
} from './kit';

const session: Session = {
  userId: 'u-anna',
  login: 'anna',
  role: 'manager',
  grants: { 'contacts.read': 'own' },
  teamId: 'north',
};

function ctxOf(over: Partial<HandlerContext> = {}): HandlerContext {
  return {
    caller: { host: 'cli' },
    session,
    channel: { name: 'zamok:notes.get', feature: 'notes', call: 'get', spec: {} as never },
    grant: { permission: 'contacts.read', scope: 'team' },
    grants: {},
    audit: {},
    ...over,
  };
}

function refusal(work: () => unknown): { code: string; message: string } | null {
  try {
    work();
    return null;
  } catch (error) {
    if (!(error instanceof CallFailure)) throw error;
    return { code: error.code, message: error.message };
  }
}

describe('handler kit', () => {
  it('requireVault answers unauthenticated without an open vault', () => {
    expect(refusal(() => requireVault({ openVault: () => null }))).toEqual({
      code: 'unauthenticated',
      message: 'Please sign in first.',
    });
    const open = { dir: '/tmp/v' } as OpenVault;
    expect(requireVault({ openVault: () => open })).toBe(open);
  });

  it("viewerOf takes the scope of the channel's grant, and fails closed without one", () => {
    expect(viewerOf(ctxOf())).toEqual({ userId: 'u-anna', teamId: 'north', scope: 'team' });
    const forbidden = { code: 'forbidden', message: 'Your role does not allow this.' };
    expect(refusal(() => viewerOf(ctxOf({ grant: null })))).toEqual(forbidden);
    // A plain grant has no scope: no rows for a record query.
    const plain = ctxOf({ grant: { permission: 'contacts.create', scope: null } });
    expect(refusal(() => viewerOf(plain))).toEqual(forbidden);
    expect(refusal(() => viewerWith(ctxOf(), undefined))).toEqual(forbidden);
    expect(refusal(() => viewerOf(ctxOf({ session: null })))?.code).toBe('unauthenticated');
  });

  it('reachOf is undefined for a grant the role lacks, a viewer otherwise', () => {
    expect(reachOf(ctxOf(), undefined)).toBeUndefined();
    expect(reachOf(ctxOf(), 'all')).toEqual({ userId: 'u-anna', teamId: 'north', scope: 'all' });
  });

  it('names the entity and records the field-level change of its audit view', () => {
    const audit = entityAudit<{ id: string; name: string; secret: string }>('thing', t => ({
      name: t.name,
    }));
    const ctx = ctxOf();
    audit.target(ctx, 'id-1');
    expect(ctx.audit).toEqual({ entityType: 'thing', entityId: 'id-1' });

    const created = ctxOf();
    const after = { id: 'id-2', name: 'Нова', secret: 'not compared' };
    expect(audit.record(created, { before: null, after })).toBe(after);
    expect(created.audit).toEqual({
      entityType: 'thing',
      entityId: 'id-2',
      changes: { name: { before: null, after: 'Нова' } },
    });

    const edited = ctxOf();
    audit.record(edited, { before: after, after: { ...after, name: 'Інша', secret: 'x' } });
    expect(edited.audit.changes).toEqual({ name: { before: 'Нова', after: 'Інша' } });

    const other = ctxOf();
    target(other, 'alert', 'a-1');
    expect(other.audit).toEqual({ entityType: 'alert', entityId: 'a-1' });
  });

  it('records a settings change as the sent keys whose value changed', () => {
    const ctx = ctxOf();
    const before = { limit: 5, list: ['a'], other: 1 };
    const after = { limit: 7, list: ['a'], other: 2 };
    recordSettings(ctx, 'guard', { limit: 7, list: ['a'] }, before, after);
    expect(ctx.audit).toEqual({
      entityType: 'settings',
      entityId: 'guard',
      changes: { limit: { before: 5, after: 7 } },
    });
  });
});
