/**
 * The office sync badge in the header: synced / N waiting / offline / conflict / waiting for
 * approval, from the `sync.status` channel (refreshed every half minute). Renders nothing for a
 * vault that does not sync with an office. The badge is a button: with open conflicts it opens
 * the conflicts screen (`#/office/conflicts`), otherwise the sync panel (`#/office/settings`).
 */
import { Badge } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../src-shared/ipc/sync';
import { useApi } from '../app/api';
import { useOfficeView } from '../screens/office/store';
import { useNavigationStore } from '../stores/navigation';

/** How often the badge asks again. */
const REFRESH_MS = 30_000;

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

  useEffect(() => {
    let live = true;
    const load = async () => {
      const result = await api.sync.status({});
      if (live && result.ok) setStatus(result.value);
    };
    void load();
    const timer = window.setInterval(() => void load(), REFRESH_MS);
    return () => {
      live = false;
      window.clearInterval(timer);
    };
  }, [api]);

  if (!status || status.state === 'off') return null;
  const text =
    status.state === 'waiting'
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
