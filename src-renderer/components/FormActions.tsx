/**
 * The bottom of a dialog or a wizard step: the action's error (if it failed), then Cancel (or Back)
 * and the action with its progress state.
 */
import { Button, Group, type MantineColor } from '@mantine/core';
import type { CallError } from '../../src-shared/ipc/contract';
import { BusyButton } from './BusyButton';
import { ErrorAlert } from './ErrorAlert';

interface FormActionsProps {
  cancelLabel: string;
  onCancel: () => void;
  /** The action's label, and the label shown while it runs. */
  confirmLabel: string;
  busyLabel: string;
  busy: boolean;
  /** What the action's last call returned, shown above the buttons. */
  error?: CallError | null;
  /** Runs the action; leave it out when the action is the form's submit button. */
  onConfirm?: () => void;
  disabled?: boolean;
  color?: MantineColor;
  /** Focus starts on Cancel: the safe choice in a destructive dialog. */
  focusCancel?: boolean;
  /** Disable Cancel too while the action runs. */
  lockCancel?: boolean;
  /** Cancel at the left edge, the action at the right (wizard steps: Back … Next). */
  spread?: boolean;
}

/** The error, then Cancel + action buttons (right-aligned, or at both edges when `spread`). */
export function FormActions(props: FormActionsProps) {
  return (
    <>
      <ErrorAlert error={props.error ?? null} />
      <Group justify={props.spread ? 'space-between' : 'flex-end'}>
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
    </>
  );
}
