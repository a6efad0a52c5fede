/**
 * The duplicate warning's "Об'єднати" next to a named contact or company while one is edited: opens
 * the merge dialog with the edited record kept by default. After the merge it says so in place.
 */
import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeType } from '../../../../src-shared/merge';
import { companyMerge, contactMerge } from './kinds';
import { MergeDialog } from './MergeDialog';

/** `editedId` is the record in the form, `otherId` the named duplicate. */
export function MergeFromWarning(props: { type: MergeType; editedId: string; otherId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [merged, setMerged] = useState(false);
  if (merged) return <Text size="sm">{t('merge.done')}</Text>;
  const dialog = {
    ids: [props.editedId, props.otherId],
    opened: true,
    onClose: () => setOpened(false),
    onMerged: () => {
      setOpened(false);
      setMerged(true);
    },
  };
  return (
    <>
      <Button size="compact-xs" variant="light" onClick={() => setOpened(true)}>
        {t('merge.fromWarning')}
      </Button>
      {opened ? (
        props.type === 'contacts' ? (
          <MergeDialog kind={contactMerge} {...dialog} />
        ) : (
          <MergeDialog kind={companyMerge} {...dialog} />
        )
      ) : null}
    </>
  );
}
