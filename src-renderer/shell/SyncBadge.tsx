/**
 * The office sync badge in the header: synced / N waiting / offline / conflict / waiting for
 * approval, or the first sync's count, from the `sync.status` channel (refreshed every half
 * minute; every second while a first sync is counted). Renders nothing for a
 * vault that does not sync with an office. The badge is a button: with open conflicts it opens
 * the conflicts screen (`#/office/conflicts`), otherwise the sync panel (`#/office/settings`).
 */
import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../src-shared/ipc/sync';
import { useApi } from '../app/api';
import { progressText } from '../screens/office/SyncProgressBar';
import { useOfficeView } from '../screens/office/store';
import { useNavigationStore } from '../stores/navigation';

/** How often the badge asks again (while a first sync is counted: `PROGRESS_MS`). */
const REFRESH_MS = 30_000;
const PROGRESS_MS = 1_000;

const COLOR: Record<Exclude<SyncStatusView['state'], 'off'>, string> = {
  synced: 'teal',
  waiting: 'blue',
  offline: 'gray',
  conflict: 'red',
  pending: 'yellow',
};

/** The badge (nothing while not in an office or before the first answer). */
export function SyncBadge() {
  const { t } = useTranslation();
  const api = useApi();
  const [status, setStatus] = useState<SyncStatusView | null>(null);

  const counting = status?.progress !== undefined;
  useEffect(() => {
    let live = true;
    const load = async () => {
      const result = await api.sync.status({});
      if (live && result.ok) setStatus(result.value);
    };
    void load();
    const timer = window.setInterval(() => void load(), counting ? PROGRESS_MS : REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [api, counting]);

  if (!status || status.state === 'off') return null;
  const text = status.progress
    ? progressText(t, status.progress, true)
    : status.state === 'waiting'
      ? t('sync.waiting', { count: status.waiting })
      : status.state === 'conflict'
        ? t('sync.conflict', { count: status.conflicts })
        : t(`sync.${status.state}`);
  const conflict = status.state === 'conflict';
  return (
    <Badge
      component="button"
      type="button"
      variant="light"
      color={COLOR[status.state]}
      // The light variant's coloured text is too pale on its tint (axe: colour contrast).
      c="dark.8"
      size="sm"
      style={{ cursor: 'pointer' }}
      data-testid="sync-badge"
      aria-label={t(conflict ? 'sync.openConflicts' : 'sync.openSettings', { state: text })}
      onClick={() => {
        useOfficeView.getState().show(conflict ? 'conflicts' : 'settings');
        useNavigationStore.getState().select('office');
      }}
    >
      {text}
    </Badge>
  );
}
