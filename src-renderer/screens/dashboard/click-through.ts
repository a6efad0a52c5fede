/**
 * Dashboard figures that open the records behind them (issue 18 point 2): each opener sets the
 * list's own filters (the ones its toolbar shows, so the reader sees and can clear them) and
 * selects the section. Main still applies the reader's scope to every list call.
 */
import { INITIAL_QUERY, useContactsStore } from '../contacts/store';
import { useDealsStore } from '../deals/store';
import { useActivitiesStore } from '../activities/store';
import { ACTIVITY_WINDOW_DAYS } from '../../../src-shared/ipc/analytics';
import { useNavigationStore } from '../../stores/navigation';

/** The first and last local day of `month` (`YYYY-MM`). */
export function monthDays(month: string): { from: string; to: string } {
  const [year = 1970, number = 1] = month.split('-').map(Number);
  const last = new Date(year, number, 0).getDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, '0')}` };
}

/** Opens the contacts list filtered to the contacts created in `month` (`YYYY-MM`). */
export function openContactsCreatedIn(month: string): void {
  useContactsStore.setState({
    query: { ...INITIAL_QUERY, created: { period: 'custom', ...monthDays(month) } },
    view: { kind: 'list' },
  });
  useNavigationStore.getState().select('contacts');
}

/**
 * Opens the deal list filtered to the deals won (or lost) in `month` (`YYYY-MM`): outcome, date
 * closed and every pipeline, as the won/lost chart counts them. The board's pipeline stays chosen.
 */
export function openDealsClosedIn(outcome: 'won' | 'lost', month: string): void {
  useDealsStore.setState({
    preset: { outcome, closed: { period: 'custom', ...monthDays(month) }, allPipelines: true },
    home: 'list',
    view: { kind: 'list' },
    current: null,
  });
  useNavigationStore.getState().select('deals');
}

/**
 * Opens the tasks section on the activities `userId` logged in the dashboard's window: from `since`
 * (the dashboard's `activitiesSince`) to the moment it counted, exactly the bar's range.
 */
export function openActivitiesOf(userId: string, name: string, since: string): void {
  const before = new Date(Date.parse(since) + ACTIVITY_WINDOW_DAYS * 86_400_000 + 1).toISOString();
  useActivitiesStore.getState().showPerson({ ownerId: userId, name, from: since, before });
  useNavigationStore.getState().select('activities');
}
