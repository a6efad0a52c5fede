/** A short-lived success notice above a record list or page ("Pipeline created", "Given to …"). */
import { Alert } from '@mantine/core';
import type { ReactNode } from 'react';

/** A green status line the user closes; `closeLabel` names its close button. */
export function Notice(props: { closeLabel: string; onClose: () => void; children: ReactNode }) {
  return (
    <Alert
      color="green"
      variant="light"
      role="status"
      withCloseButton
      closeButtonLabel={props.closeLabel}
      onClose={props.onClose}
    >
      {props.children}
    </Alert>
  );
}
