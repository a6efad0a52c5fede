/**
 * Every document channel × every built-in role × a document on the caller's own record and on
 * someone else's, through the router on a real vault. Refusal by role is `forbidden`; a document
 * or record outside the role's scope is `not_found` (no existence leak).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contactInputSchema } from '../../../src-shared/contacts';
import type { Result } from '../../../src-shared/ipc/contract';
import { documentsContract, type TransferTicket } from '../../../src-shared/ipc/documents';
import type { BuiltInRole } from '../../../src-shared/permissions';
import { BUILT_IN_GRANTS } from '../../../src-shared/roles';
import { createContact } from '../../crm/contacts';
import { createContactsTestVault } from '../../crm/contacts/contacts.test-support';
import { createTransferRegistry } from '../../crm/documents';
import { TINY_PNG, streamOf } from '../../crm/documents/documents.test-support';
import type { Router } from '../../ipc';
import { type OpenVault } from '../../vault';
import type { VaultState } from '../vault-state';
import { composeTestApp, usersByRole } from './app.test-support';
import { documentsHandlers, documentsServiceFor } from './documents';

type Outcome = 'ok' | 'forbidden' | 'not_found';
type Call = keyof typeof documentsContract;
type Whose = 'own' | 'other';

const SAME: Record<Whose, Outcome> = { own: 'ok', other: 'ok' };
const OWN_ONLY: Record<Whose, Outcome> = { own: 'ok', other: 'not_found' };

/** What each role gets, per call, on its own record's document and on another user's. */
const EXPECTED: Record<BuiltInRole, Record<Call, Record<Whose, Outcome>>> = {
  owner: all('ok'),
  administrator: all('forbidden'),
  auditor: all('forbidden'),
  head: {
    list: SAME,
    startUpload: SAME,
    finishUpload: SAME,
    preview: SAME,
    export: SAME,
    delete: OWN_ONLY,
    deleteForRecord: OWN_ONLY,
  },
  manager: all('ok', OWN_ONLY),
};

function all(
  outcome: Outcome,
  each: Record<Whose, Outcome> = { own: outcome, other: outcome },
): Record<Call, Record<Whose, Outcome>> {
  const calls = Object.keys(documentsContract) as Call[];
  return Object.fromEntries(calls.map(c => [c, each])) as Record<Call, Record<Whose, Outcome>>;
}

let vault: OpenVault;
let state: VaultState;
let router: Router;
let users: Record<BuiltInRole | 'stranger', string>;
const transfers = createTransferRegistry();

beforeAll(async () => {
  const t = await createContactsTestVault();
  vault = t.vault;
  users = await usersByRole(t.db, t.staff);
  ({ state, router } = composeTestApp({
    vault,
    staff: t.staff,
    contract: { documents: documentsContract },
    handlers: ({ openVault }) => ({ documents: documentsHandlers({ openVault, transfers }) }),
    sessionGuard: false,
  }));
});

afterAll(() => vault.close());

/** A contact owned by `ownerId` with one PNG its owner attached (set up without the router). */
async function recordWithDocument(ownerId: string): Promise<{ contactId: string; docId: string }> {
  const input = contactInputSchema.parse({ surname: 'Коваль', givenName: 'Олена' });
  const contact = (await createContact(vault.db, { userId: ownerId }, input)).after;
  const service = documentsServiceFor({ openVault: () => vault, transfers });
  const viewer = { userId: ownerId, teamId: null, scope: 'all' as const };
  const record = { type: 'contact' as const, id: contact.id };
  const { ticket } = await service.startUpload(viewer, {
    record,
    file: { name: 'скан.png', size: TINY_PNG.length },
  });
  await transfers.take(ticket, 'upload')?.receive(streamOf(TINY_PNG));
  const doc = await service.finishUpload(ownerId, ticket);
  return { contactId: contact.id, docId: doc.id };
}

async function run(
  call: Call,
  target: { contactId: string; docId: string },
): Promise<Result<unknown>> {
  const record = { type: 'contact', id: target.contactId };
  const name = `zamok:documents.${call}`;
  const cli = { host: 'cli' } as const;
  switch (call) {
    case 'list':
    case 'deleteForRecord':
      return router.call(name, { record }, cli);
    case 'startUpload':
    case 'finishUpload': {
      const start = await router.call(
        'zamok:documents.startUpload',
        { record, file: { name: 'b.png', size: TINY_PNG.length } },
        cli,
      );
      if (call === 'startUpload' || !start.ok) return start;
      const { ticket } = start.value as TransferTicket;
      await transfers.take(ticket, 'upload')?.receive(streamOf(TINY_PNG));
      return router.call(name, { ticket }, cli);
    }
    default:
      return router.call(name, { id: target.docId }, cli);
  }
}

const cases = (Object.keys(EXPECTED) as BuiltInRole[]).flatMap(role =>
  (Object.keys(documentsContract) as Call[]).flatMap(call =>
    (['own', 'other'] as const).map(whose => ({ role, call, whose })),
  ),
);

describe('documents permission matrix', () => {
  it.each(cases)('$role $call on $whose record', async ({ role, call, whose }) => {
    const target = await recordWithDocument(whose === 'own' ? users[role] : users.stranger);
    state.signIn(vault, {
      userId: users[role],
      login: role,
      role,
      grants: BUILT_IN_GRANTS[role],
      teamId: null,
    });
    const result = await run(call, target);
    expect(result.ok ? 'ok' : result.error.code).toBe(EXPECTED[role][call][whose]);
  });
});
