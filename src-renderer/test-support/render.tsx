/**
 * Rendering a screen in a renderer unit test (jsdom): the app's providers around it with a fake
 * bridge (see ./scripted-api.ts), and the per-test clean-up every screen test needs.
 */
import { cleanup, render, type RenderResult } from '@testing-library/react';
import type { ReactElement } from 'react';
import { afterEach, beforeAll, beforeEach } from 'vitest';
import type { ZamokApi } from '../../src-shared/ipc';
import type { SignedInUser } from '../../src-shared/ipc/auth';
import { Providers } from '../app/Providers';
import { installDomShims } from '../app/test-support';
import { createI18n } from '../i18n';
import type { Language } from '../i18n/language';
import { dropAllDrafts } from '../stores/drafts';
import { resetAllStores } from '../stores/registry';
import { useSessionStore } from '../stores/session';

/**
 * Registers the jsdom shims once, signs `user` in before each test (when given), and after each
 * test unmounts what was rendered and wipes every store, as a lock would.
 */
export function setUpScreenTests(user?: SignedInUser): void {
  beforeAll(installDomShims);
  if (user) beforeEach(() => useSessionStore.setState({ screen: 'app', user }));
  afterEach(() => {
    cleanup();
    resetAllStores();
    dropAllDrafts();
    // The shell writes the page to the hash (shell/routes.ts): the next test starts without one.
    window.history.replaceState(null, '', window.location.pathname);
  });
}

/** Renders `ui` inside the app's providers, talking to `api`, in `language` (default English). */
export function renderWithApi(
  ui: ReactElement,
  api: ZamokApi,
  language: Language = 'en',
): RenderResult {
  return render(
    <Providers api={api} i18n={createI18n(language)} env="test">
      {ui}
    </Providers>,
  );
}
