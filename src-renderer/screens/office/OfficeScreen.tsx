/** The office section: the page its store names (`#/office/conflicts`, `#/office/settings`). */
import { ConflictsScreen } from './ConflictsScreen';
import { OfficeSyncPanel } from './OfficeSyncPanel';
import { useOfficeView } from './store';

/** The office section's screen. */
export function OfficeScreen() {
  const page = useOfficeView(state => state.page);
  switch (page) {
    case 'conflicts':
      return <ConflictsScreen />;
    case 'settings':
      return <OfficeSyncPanel />;
  }
}
