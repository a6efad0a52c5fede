/** A form the browser does not validate or submit itself: Enter or a submit button runs `onSubmit`. */
import type { ReactNode } from 'react';

interface SubmitFormProps {
  /** Runs on submit (the page is never reloaded); a promise it returns is not awaited. */
  onSubmit: () => unknown;
  children: ReactNode;
}

/** `<form noValidate>` whose submit calls `onSubmit` instead of navigating. */
export function SubmitForm({ onSubmit, children }: SubmitFormProps) {
  return (
    <form
      noValidate
      onSubmit={event => {
        event.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
