/**
 * Audit words of activities (action names, fields, the record type), merged into the admin catalogue
 * so the audit log and record histories read "Activity logged", "Due" instead of raw names.
 */
import type { Strings } from '../../i18n/types';

/** The words added to the admin catalogue (Ukrainian). */
export const uk = {
  actions: {
    activities: {
      create: 'Записано активність',
      update: 'Змінено активність',
      complete: 'Завдання виконано або повернуто',
      complete_many: 'Кілька завдань виконано або повернуто',
      snooze: 'Нагадування відкладено',
      delete: 'Видалено активність',
      get: 'Перегляд активності',
      timeline: 'Перегляд хронології запису',
      my_tasks: 'Перегляд моїх завдань',
      due_reminders: 'Перевірка нагадувань',
      tasks: 'Перегляд завдань',
      logged: 'Перегляд активностей працівника',
      calendar: 'Перегляд календаря',
    },
  },
  fields: {
    kind: 'Вид',
    subject: 'Тема',
    body: 'Подробиці',
    occurredAt: 'Коли',
    dueAt: 'Термін',
    remindAt: 'Нагадування',
    doneAt: 'Виконано',
    contactId: 'Контакт',
    dealId: 'Угода',
    direction: 'Напрямок',
    durationMinutes: 'Тривалість, хв',
    outcome: 'Результат',
  },
  entities: { activity: 'Активність' },
} as const;

/** The same words in English. */
export const en: Strings<typeof uk> = {
  actions: {
    activities: {
      create: 'Activity logged',
      update: 'Activity changed',
      complete: 'Task done or reopened',
      complete_many: 'Several tasks done or reopened',
      snooze: 'Reminder snoozed',
      delete: 'Activity deleted',
      get: 'Activity viewed',
      timeline: 'Record timeline viewed',
      my_tasks: 'My tasks viewed',
      due_reminders: 'Reminders checked',
      tasks: 'Tasks viewed',
      logged: 'A person’s activities viewed',
      calendar: 'Calendar viewed',
    },
  },
  fields: {
    kind: 'Kind',
    subject: 'Subject',
    body: 'Details',
    occurredAt: 'When',
    dueAt: 'Due',
    remindAt: 'Reminder',
    doneAt: 'Done',
    contactId: 'Contact',
    dealId: 'Deal',
    direction: 'Direction',
    durationMinutes: 'Duration, min',
    outcome: 'Outcome',
  },
  entities: { activity: 'Activity' },
};

/** The admin catalogue with the activity words added (existing field names win). */
export function withActivityAudit<
  A extends { actions: object; fields: object; audit: { entities: object } },
>(admin: A, words: Strings<typeof uk>): A {
  return {
    ...admin,
    actions: { ...admin.actions, ...words.actions },
    fields: { ...words.fields, ...admin.fields },
    audit: { ...admin.audit, entities: { ...admin.audit.entities, ...words.entities } },
  };
}
