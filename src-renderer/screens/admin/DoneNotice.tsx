/** "Done" news on an admin screen (a user added, a log exported), until the person closes it. */
import { Alert } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/** A closable status message; renders nothing without `text`. */
export function DoneNotice({ text, onClose }: { text: string | null; onClose: () => void }) {
  const { t } = useTranslation();
  if (!text) return null;
  return (
    <Alert
      color="teal"
      variant="light"
      role="status"
      withCloseButton
      closeButtonLabel={t('admin.close')}
      onClose={onClose}
    >
      {text}
    </Alert>
  );
}
