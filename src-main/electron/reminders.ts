/**
 * Task reminders as OS notifications in the Electron app: runs the reminder loop
 * (src-main/crm/activities/reminders.ts) for whoever is signed in with `activities.read`, and shows
 * each due reminder once. The text names no client and no task subject — only that a task is due and
 * when — because OS notification centres keep their history outside the encrypted vault; the
 * details are one click away in the app (My tasks). Electron-free: main.ts passes `show`.
 */
import { grantOf } from '../../src-shared/roles';
import { startReminders } from '../crm/activities';
import type { Session } from '../ipc';
import { type OpenVault } from '../vault';
import { notificationLocale } from './notifications';

const TEXT = {
  uk: {
    title: 'Нагадування Zamok',
    body: (when: string) => `Завдання з терміном ${when}. Подробиці — у «Мої завдання».`,
  },
  en: {
    title: 'Zamok reminder',
    body: (when: string) => `A task is due ${when}. Details are in My tasks.`,
  },
} as const;

/** Starts the loop; returns the function that stops it. */
export function startDesktopReminders(o: {
  session(): Session | null;
  openVault(): OpenVault | null;
  systemLocale(): string;
  show(title: string, body: string): void;
  now?: () => Date;
}): () => void {
  const loop = startReminders({
    source: () => {
      const session = o.session();
      const vault = o.openVault();
      if (!session || !vault || session.restricted !== undefined) return null;
      if (grantOf(session.grants, 'activities.read') === undefined) return null;
      return { db: vault.db, userId: session.userId };
    },
    notify: reminder => {
      const locale = notificationLocale(o.systemLocale());
      const when = new Intl.DateTimeFormat(locale === 'uk' ? 'uk-UA' : 'en-GB', {
        dateStyle: 'short',
        timeStyle: 'short',
      }).format(new Date(reminder.dueAt));
      o.show(TEXT[locale].title, TEXT[locale].body(when));
    },
    ...(o.now ? { now: o.now } : {}),
  });
  return () => loop.stop();
}
