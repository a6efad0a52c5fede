/**
 * "Об'єднати з…" on a contact's page: pick the duplicate (the caller's own scoped contacts list),
 * then the merge dialog with this contact kept by default.
 */
import { Button, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../../src-shared/contacts';
import type { ZamokApi } from '../../../../src-shared/ipc';
import { PICKER_LIMIT, RecordPicker } from '../RecordPicker';
import { MergeDialog } from './MergeDialog';

function nameOf(c: ContactSummary): string {
  return [c.surname, c.givenName, c.patronymic].filter(Boolean).join(' ');
}

function search(api: ZamokApi, text: string) {
  return api.contacts.list({
    filter: text ? { text } : {},
    limit: PICKER_LIMIT,
    sort: 'name',
    direction: 'asc',
  });
}

/** The button and its two steps; `onMerged` after a merge (reload the page). */
export function MergeWithButton(props: { id: string; onMerged: () => void }) {
  const { t } = useTranslation();
  const [picking, setPicking] = useState(false);
  const [other, setOther] = useState('');
  return (
    <>
      <Button variant="default" onClick={() => setPicking(true)}>
        {t('merge.open')}
      </Button>
      <Modal
        opened={picking && other === ''}
        onClose={() => setPicking(false)}
        title={t('merge.pickTitle')}
      >
        <RecordPicker<ContactSummary>
          value=""
          label=""
          unknownLabel=""
          texts={{
            label: t('merge.pickLabel'),
            placeholder: t('merge.pickPlaceholder'),
            nothing: t('merge.pickNothing'),
          }}
          search={search}
          optionLabel={nameOf}
          nameOf={nameOf}
          onChange={id => setOther(id === props.id ? '' : id)}
        />
      </Modal>
      {other === '' ? null : (
        <MergeDialog
          ids={[props.id, other]}
          opened
          onClose={() => {
            setOther('');
            setPicking(false);
          }}
          onMerged={() => {
            setOther('');
            setPicking(false);
            props.onMerged();
          }}
        />
      )}
    </>
  );
}
