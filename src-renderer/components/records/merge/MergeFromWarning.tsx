/**
 * The duplicate warning's "Об'єднати" next to a named contact while one is edited: opens the merge
 * dialog with the edited contact kept by default. After the merge it says so in place.
 */
import { Button, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MergeDialog } from './MergeDialog';

/** `editedId` is the contact in the form, `otherId` the named duplicate. */
export function MergeFromWarning(props: { editedId: string; otherId: string }) {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [merged, setMerged] = useState(false);
  if (merged) return <Text size="sm">{t('merge.done')}</Text>;
  return (
    <>
      <Button size="compact-xs" variant="light" onClick={() => setOpened(true)}>
        {t('merge.fromWarning')}
      </Button>
      {opened ? (
        <MergeDialog
          ids={[props.editedId, props.otherId]}
          opened
          onClose={() => setOpened(false)}
          onMerged={() => {
            setOpened(false);
            setMerged(true);
          }}
        />
      ) : null}
    </>
  );
}
