/**
 * A button that stays readable while its action runs: a spinner plus a "doing it…" label (Mantine's
 * `loading` hides the label), `aria-busy` for screen readers, and no second click.
 */
import { Button, Loader, type ButtonProps } from '@mantine/core';
import type { ComponentPropsWithoutRef, MouseEvent } from 'react';

type BusyButtonProps = ButtonProps &
  Omit<ComponentPropsWithoutRef<'button'>, keyof ButtonProps> & {
    busy: boolean;
    /** Shown instead of the label while busy, e.g. "Creating the vault…". */
    busyLabel: string;
  };

/** Button with a visible progress state for actions that take a second or more. */
export function BusyButton({ busy, busyLabel, children, onClick, ...props }: BusyButtonProps) {
  return (
    <Button
      {...props}
      aria-busy={busy}
      aria-disabled={busy || undefined}
      leftSection={busy ? <Loader size={14} color="currentColor" /> : props.leftSection}
      onClick={(event: MouseEvent<HTMLButtonElement>) => {
        if (busy) {
          event.preventDefault();
          return;
        }
        onClick?.(event);
      }}
    >
      {busy ? busyLabel : children}
    </Button>
  );
}
