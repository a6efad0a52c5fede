import type { Strings } from '../i18n/types';

/** Words of the office sync badge in the header, Ukrainian first; merged under `sync`. */
export const uk = {
  synced: 'Синхронізовано',
  waiting_one: '{{count}} зміна чекає',
  waiting_few: '{{count}} зміни чекають',
  waiting_many: '{{count}} змін чекають',
  waiting_other: '{{count}} зміни чекають',
  offline: 'Немає зв’язку з офісом',
  conflict_one: '{{count}} конфлікт',
  conflict_few: '{{count}} конфлікти',
  conflict_many: '{{count}} конфліктів',
  conflict_other: '{{count}} конфлікту',
  pending: 'Чекає схвалення',
  label: 'Синхронізація з офісом: {{state}}',
  openConflicts: 'Синхронізація з офісом: {{state}}. Відкрити конфлікти',
  openSettings: 'Синхронізація з офісом: {{state}}. Відкрити налаштування синхронізації',
} as const;

/** English. */
export const en: Strings<typeof uk> = {
  synced: 'Synced',
  waiting_one: '{{count}} change waiting',
  waiting_few: '{{count}} changes waiting',
  waiting_many: '{{count}} changes waiting',
  waiting_other: '{{count}} changes waiting',
  offline: 'Offline from the office',
  conflict_one: '{{count}} conflict',
  conflict_few: '{{count}} conflicts',
  conflict_many: '{{count}} conflicts',
  conflict_other: '{{count}} conflicts',
  pending: 'Waiting for approval',
  label: 'Office sync: {{state}}',
  openConflicts: 'Office sync: {{state}}. Open the conflicts',
  openSettings: 'Office sync: {{state}}. Open the sync settings',
};
