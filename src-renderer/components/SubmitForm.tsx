/** A form the browser does not validate or submit itself: Enter or a submit button runs `onSubmit`. */
import type { ReactNode } from 'react';

interface SubmitFormProps {
  /** Runs on submit (the page is never reloaded); a promise it returns is not awaited. */
  onSubmit: () => unknown;
  children: ReactNode;
}

/**
 * `<form noValidate>` whose submit calls `onSubmit` instead of navigating. The submit event stops
 * here: React bubbles events through portals along the component tree, so a form inside a modal
 * opened from another form (the first-run restore inside the setup wizard's vault step) would
 * otherwise also submit the outer form.
 */
export function SubmitForm({ onSubmit, children }: SubmitFormProps) {
  return (
    <form
      noValidate
      onSubmit={event => {
        event.preventDefault();
        event.stopPropagation();
        void onSubmit();
      }}
    >
      {children}
    </form>
  );
}
