/**
 * Activities, the main-process half: scoped repository, the record timeline, the caller's tasks and
 * the reminder loop. Scopes always come from the caller's role and always end up in the SQL.
 */
export {
  completeActivities,
  completeActivity,
  createActivity,
  deleteActivity,
  getActivity,
  snoozeActivity,
  updateActivity,
  type ActivityChange,
  type LoggedChange,
} from './repository';
export { dealsShape, requireReadableRecord, type DealsShape } from './records';
export {
  startReminders,
  type ReminderLoop,
  type ReminderOptions,
  type ReminderSource,
} from './reminders';
export { claimDueReminders, myTasks } from './tasks';
export {
  calendar,
  loggedActivities,
  taskList,
  type LoggedQuery,
  type TaskListQuery,
} from './planned';
export { timeline } from './timeline';
export { type ActivityViewer } from './tables';
