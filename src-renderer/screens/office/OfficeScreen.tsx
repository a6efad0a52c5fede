/** The office section: the page its store names (`#/office/conflicts|settings|devices`). */
import { ConflictsScreen } from './ConflictsScreen';
import { DevicesScreen } from './DevicesScreen';
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
    case 'devices':
      return <DevicesScreen />;
  }
}
