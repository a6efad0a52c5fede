/**
 * The end of a "shown once" page (recovery kit, new recovery codes): save as a file or print, tick
 * "I have stored it", then continue. Hidden from print.
 */
import { Button, Checkbox, Group } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BusyButton } from './BusyButton';

interface KeepItActionsProps {
  /** Saves the text file. */
  onSave: () => void;
  storedLabel: string;
  continueLabel: string;
  busy: boolean;
  /** Enabled only after the "stored" box is ticked. */
  onContinue: () => void;
}

/** Save / Print, the "stored" confirmation, and the button that moves on. */
export function KeepItActions(props: KeepItActionsProps) {
  const { t } = useTranslation();
  const [stored, setStored] = useState(false);
  return (
    <>
      <Group gap="sm" className="zamok-no-print">
        <Button variant="default" onClick={props.onSave}>
          {t('setup.kit.save')}
        </Button>
        <Button variant="default" onClick={() => window.print()}>
          {t('setup.kit.print')}
        </Button>
      </Group>
      <Checkbox
        className="zamok-no-print"
        label={props.storedLabel}
        checked={stored}
        onChange={event => setStored(event.currentTarget.checked)}
      />
      <Group justify="flex-end" className="zamok-no-print">
        <BusyButton
          disabled={!stored}
          busy={props.busy}
          busyLabel={t('app.loading')}
          onClick={props.onContinue}
        >
          {props.continueLabel}
        </BusyButton>
      </Group>
    </>
  );
}
