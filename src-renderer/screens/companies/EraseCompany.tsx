/**
 * "Erase personal data" on a company page, for a card that is a person (a sole proprietor, ФОП):
 * the contact's typed-confirmation button (../contacts/EraseContact.tsx) calling
 * `erasure.eraseCompany`. Holders of `privacy.erase` only; the main process checks it again.
 */
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api';
import { EraseButton } from '../contacts/EraseContact';

/** The button; `onErased` runs after a successful erasure. */
export function EraseCompany(props: { companyId: string; name: string; onErased: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const { companyId } = props;
  return (
    <EraseButton
      name={props.name}
      warning={t('contacts.erase.companyWarning')}
      erase={() => api.erasure.eraseCompany({ companyId })}
      onErased={props.onErased}
    />
  );
}
