/**
 * "Об'єднати з…" on a contact's or company's page: pick the duplicate (the caller's own scoped
 * list of that type), then the merge dialog with this record kept by default.
 */
import { Button, Modal } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { RecordPicker } from '../RecordPicker';
import type { MergeKind, PickedField } from './kinds';
import { MergeDialog } from './MergeDialog';

/** The button and its two steps for record `id` of `kind`; `onMerged` after a merge (reload). */
export function MergeWithButton<
  R extends { id: string },
  S extends { id: string },
  F extends PickedField,
>(props: { kind: MergeKind<R, S, F>; id: string; onMerged: () => void }) {
  const { t } = useTranslation();
  const { kind } = props;
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
        closeButtonProps={{ 'aria-label': t('merge.cancel') }}
        title={t(`merge.types.${kind.type}.pickTitle`)}
      >
        <RecordPicker<S>
          value=""
          label=""
          unknownLabel=""
          texts={{
            label: t(`merge.types.${kind.type}.pickLabel`),
            placeholder: t('merge.pickPlaceholder'),
            nothing: t('merge.pickNothing'),
          }}
          search={kind.search}
          optionLabel={kind.rowName}
          nameOf={kind.rowName}
          onChange={id => setOther(id === props.id ? '' : id)}
        />
      </Modal>
      {other === '' ? null : (
        <MergeDialog
          kind={kind}
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
