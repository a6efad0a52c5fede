/**
 * Test support for the ContactsScreen tests (jsdom): the screen under the app's providers (the
 * calling file registers `setUpRecordScreenTests`). Never imported by the app.
 */
import type { ZamokApi } from '../../../src-shared/ipc';
import { renderWithApp } from '../../components/records/records-test-support';
import { ContactsScreen } from './ContactsScreen';

/** Renders the contacts screen with the fake bridge `api`, in `language`. */
export function renderContactsScreen(api: ZamokApi, language: 'uk' | 'en' = 'en') {
  return renderWithApp(api, <ContactsScreen />, language);
}
