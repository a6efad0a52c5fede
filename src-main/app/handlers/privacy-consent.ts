/**
 * Handlers of a contact's consent channels (`privacy.consentState`, `recordConsent`,
 * `withdrawConsent`, `setObjection`). The contact must be one the caller's contacts.read reaches
 * (`not_found` otherwise, like a missing one). Audit entries name the contact and carry ids, the
 * ground and the channel: never the consent text (only its hash is kept).
 */
import type { privacyContract } from '../../../src-shared/privacy/contract';
import { getContact } from '../../crm/contacts';
import type { HandlerContext, Handlers } from '../../ipc';
import { consentState, recordConsent, setObjection, withdrawConsent } from '../../privacy/consent';
import { requireSession } from '../../ipc';
import { requireVault, target, viewerOf, viewerWith, type RecordHandlerDeps } from './kit';

type PrivacyHandlers = Handlers<{ privacy: typeof privacyContract }>['privacy'];
/** The consent part of the `privacy` handlers. */
export type ConsentHandlers = Pick<
  PrivacyHandlers,
  'consentState' | 'recordConsent' | 'withdrawConsent' | 'setObjection'
>;

/** The consent channels' handlers. */
export function consentHandlers(deps: RecordHandlerDeps): ConsentHandlers {
  const now = deps.now ?? (() => new Date());
  const db = () => requireVault(deps).db;

  /** Names the contact in the audit entry, then checks the caller reaches it (contacts.read). */
  async function reachContact(ctx: HandlerContext<'contacts.read'>, contactId: string) {
    target(ctx, 'contact', contactId);
    await getContact(db(), viewerWith(ctx, ctx.grants['contacts.read']), contactId);
    return requireSession(ctx).userId;
  }

  return {
    consentState: async (ctx, input) => {
      await getContact(db(), viewerOf(ctx), input.contactId);
      return consentState(db(), input.contactId);
    },
    recordConsent: async (ctx, input) => {
      const userId = await reachContact(ctx, input.contactId);
      const r = await recordConsent(db(), userId, input, now());
      ctx.audit.details = {
        consentId: r.id,
        purposeId: r.purposeId,
        ground: r.ground,
        channel: r.channel,
        textHash: r.textHash,
        evidenceDocumentId: r.evidenceDocumentId,
      };
      return r;
    },
    withdrawConsent: async (ctx, input) => {
      const userId = await reachContact(ctx, input.contactId);
      const { after } = await withdrawConsent(
        db(),
        userId,
        input.contactId,
        input.purposeId,
        now(),
      );
      ctx.audit.details = { consentId: after.id, purposeId: after.purposeId };
      ctx.audit.changes = { withdrawnAt: { before: null, after: after.withdrawnAt } };
      return after;
    },
    setObjection: async (ctx, input) => {
      const userId = await reachContact(ctx, input.contactId);
      const changed = await setObjection(db(), userId, input.contactId, input.objected, now());
      ctx.audit.details = { objected: input.objected, changed };
      return consentState(db(), input.contactId);
    },
  };
}
