/**
 * "Export" on the contact list (holders of contacts.export): the shared record export
 * (`records.export`, components/records/RecordExportButton.tsx) for contacts, with the processing
 * purpose picker and the Ctrl+Shift+E shortcut. The chosen rows export through the bulk bar.
 */
import { useCallback, useRef } from 'react';
import { useShortcuts } from '../../app/shortcuts';
import { RecordExportButton } from '../../components/records/RecordExportButton';
import { ExportPurposePicker } from './ExportPurposePicker';
import { exportFilterOf, useContactsStore } from './store';

/** The button and its modal. */
export function ExportButton() {
  const open = useRef<() => void>(() => undefined);
  useShortcuts([['contactsExport', () => open.current()]]);
  const openRef = useCallback((fn: () => void) => {
    open.current = fn;
  }, []);
  const query = useContactsStore(state => state.query);
  const filter = exportFilterOf(query);
  return (
    <RecordExportButton
      type="contacts"
      openRef={openRef}
      filter={filter}
      purpose={(value, onChange) => (
        <ExportPurposePicker filter={filter} value={value} onChange={onChange} />
      )}
    />
  );
}
