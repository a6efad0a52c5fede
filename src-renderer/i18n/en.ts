/**
 * English interface words several screens share (each screen's own words are in its `i18n.ts`).
 * Typed against the Ukrainian catalogue, so a missing or extra key does not compile.
 */
import type { Catalogue } from './types';

export const en: Catalogue = {
  app: {
    name: 'Zamok',
    tagline: 'A private CRM for your office',
    loading: 'Loading…',
    startupError: 'Zamok could not start',
    startupErrorHint:
      'Try again. If it happens again, restart the app or contact your administrator.',
    retry: 'Try again',
  },
  language: {
    label: 'Interface language',
  },
  common: {
    next: 'Next',
    back: 'Back',
    required: 'Please fill in this field',
    unexpectedError: 'Something unexpected happened. Please try again.',
    showPassword: 'Show or hide characters',
    copy: 'Copy',
    copied: 'Copied',
  },
  owner: {
    label: 'Owner',
    all: 'All owners',
  },
  duration: {
    seconds: '{{seconds}} s',
    minutesSeconds: '{{minutes}} min {{seconds}} s',
    hoursMinutes: '{{hours}} h {{minutes}} min',
  },
  strength: {
    label: 'Password strength',
    level0: 'Very weak',
    level1: 'Weak',
    level2: 'Fair',
    level3: 'Strong',
    level4: 'Very strong',
    good: 'The password meets the requirements.',
    hint: 'Tip: a few unrelated words together are easier to remember than a jumble of symbols.',
    confirmLabel: 'Repeat the password',
    mismatch: 'The passwords do not match',
  },
  duplicates: {
    title: 'This client may already exist',
    named: '«{{name}}» already has {{field}}.',
    office:
      'This client already exists in the office: another record has {{field}}. Ask its owner.',
    field: {
      phones: 'this phone number',
      emails: 'this e-mail address',
      edrpou: 'this ЄДРПОУ code',
      rnokpp: 'this РНОКПП',
      name: 'a similar name',
    },
    similar: 'Maybe the same client: «{{name}}» (a similar name).',
  },
  fieldErrors: {
    totpCode: 'The code does not match. Check the time on your phone and enter the newest code.',
    newPassword: 'Choose your own password, different from the one you were given.',
    enrollment: 'The two-step setup timed out. Scan the new QR code and enter a code again.',
  },
};
