/** The button row at the bottom of a dialog: Cancel, then the action with its progress state. */
import { Button, Group, type MantineColor } from '@mantine/core';
import { BusyButton } from './BusyButton';

interface ModalActionsProps {
  cancelLabel: string;
  onCancel: () => void;
  /** The action's label, and the label shown while it runs. */
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  /** Runs the action; leave it out when the action is the form's submit button. */
  onConfirm?: () => void;
  disabled?: boolean;
  color?: MantineColor;
  /** Focus starts on Cancel: the safe choice in a destructive dialog. */
  focusCancel?: boolean;
  /** Disable Cancel too while the action runs. */
  lockCancel?: boolean;
}

/** Right-aligned Cancel + action buttons. */
export function ModalActions(props: ModalActionsProps) {
  return (
    <Group justify="flex-end">
      <Button
        variant="default"
        onClick={props.onCancel}
        data-autofocus={props.focusCancel || undefined}
        disabled={props.lockCancel ? props.busy : undefined}
      >
        {props.cancelLabel}
      </Button>
      <BusyButton
        type={props.onConfirm ? 'button' : 'submit'}
        color={props.color}
        busy={props.busy}
        busyLabel={props.busyLabel}
        disabled={props.disabled}
        onClick={props.onConfirm}
      >
        {props.confirmLabel}
      </BusyButton>
    </Group>
  );
}
