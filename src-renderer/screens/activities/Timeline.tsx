/**
 * One record's timeline: a quick-add form (with activities.create) and its activities, deals and
 * document events, newest first, 30 at a time with "Show more". An activity the caller may change
 * has a menu with Edit and Delete (dialogs in ./ActivityDialogs). The main process decides what
 * the caller may see and change (scoped in SQL); this only shows it and offers what would succeed.
 */
import { Button, Group, Loader, Paper, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TimelineEntity, TimelineItem } from '../../../src-shared/activities';
import type { CallError } from '../../../src-shared/ipc/contract';
import type { Permission } from '../../../src-shared/permissions';
import { grantOf } from '../../../src-shared/roles';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSessionStore } from '../../stores/session';
import { DeleteActivityModal, EditActivityModal } from './ActivityDialogs';
import { ActivityErrorAlert } from './ActivityErrorAlert';
import { ActivityForm } from './ActivityForm';
import { useActivitiesStore } from './store';
import { TimelineEntry, type EntryAbilities } from './TimelineEntry';

/** The open dialog: editing or deleting one entry. */
type Dialog = { kind: 'edit' | 'remove'; item: TimelineItem } | null;

/** The timeline of record `id` of type `entity`. */
export function Timeline({ entity, id }: { entity: TimelineEntity; id: string }) {
  const { t } = useTranslation();
  const api = useApi();
  const user = useSessionStore(state => state.user);
  const grants = user?.grants;
  const version = useActivitiesStore(state => state.version);
  const bump = useActivitiesStore(state => state.bump);
  const [items, setItems] = useState<TimelineItem[] | null>(null);
  const [cursor, setCursor] = useState<string | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  // A refused tick is about one entry: it must not hide the timeline as a not_found load does.
  const [actionError, setActionError] = useState<CallError | null>(null);
  const [loading, setLoading] = useState(false);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [notice, setNotice] = useState<'updated' | 'removed' | null>(null);
  const noticeRef = useRef<HTMLParagraphElement>(null);

  const load = useCallback(
    async (after: string | null) => {
      setLoading(true);
      const result = await api.activities.timeline(
        after
          ? { entityType: entity, entityId: id, cursor: after }
          : { entityType: entity, entityId: id },
      );
      setLoading(false);
      if (!result.ok) return setError(result.error);
      setError(null);
      setItems(old => [...(after ? (old ?? []) : []), ...result.value.items]);
      setCursor(result.value.nextCursor);
    },
    [api, entity, id],
  );
  useEffect(() => {
    void load(null);
  }, [load, version]);
  // After a delete the entry and its menu button are gone: focus the sentence saying so, once the
  // dialog has handed focus back (else keyboard focus would fall to the page's start). After an
  // edit the entry's menu button is still there and gets focus back from the dialog itself.
  useEffect(() => {
    if (notice !== 'removed' || dialog !== null) return;
    const timer = setTimeout(() => noticeRef.current?.focus(), 50);
    return () => clearTimeout(timer);
  }, [notice, dialog]);

  // A record the caller cannot (or can no longer) read: no timeline at all.
  if (!grants || grantOf(grants, 'activities.read') === undefined) return null;
  if (error?.code === 'not_found') return null;
  const canCreate = grantOf(grants, 'activities.create') !== undefined;
  // Offered only where main would allow it: own activities, or anyone's with a wider scope (a team
  // scope is checked by main, which answers not_found outside the team).
  const reaches = (permission: Permission, item: TimelineItem) => {
    const scope = grantOf(grants, permission);
    return (
      item.source === 'activity' &&
      scope !== undefined &&
      (scope !== 'own' || item.ownerId === user?.id)
    );
  };
  const abilities = (item: TimelineItem): EntryAbilities => ({
    tick: reaches('activities.update', item),
    edit: reaches('activities.update', item),
    remove: reaches('activities.delete', item),
  });
  const now = Date.now();

  async function toggle(item: TimelineItem) {
    setNotice(null);
    const result = await api.activities.complete({ id: item.id, done: item.doneAt === null });
    setActionError(result.ok ? null : result.error);
    bump();
  }
  function open(next: NonNullable<Dialog>) {
    setNotice(null);
    setActionError(null);
    setDialog(next);
  }
  const close = () => setDialog(null);

  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component="section"
      aria-label={t('activities.timeline.label')}
    >
      <Title order={2} size="h4" mb="sm">
        {t('activities.timeline.title')}
      </Title>
      <Stack gap="md">
        {canCreate ? <ActivityForm entity={entity} id={id} onSaved={bump} /> : null}
        <ErrorAlert error={error} />
        <ActivityErrorAlert error={actionError} />
        {notice ? (
          <Text ref={noticeRef} tabIndex={-1} role="status" size="sm" c="teal.9">
            {t(`activities.timeline.${notice}`)}
          </Text>
        ) : null}
        {items === null ? (
          <Group gap="sm">
            <Loader size="xs" />
            <Text c="dimmed">{t('activities.timeline.loading')}</Text>
          </Group>
        ) : items.length === 0 ? (
          <Text c="dimmed">{t('activities.timeline.empty')}</Text>
        ) : (
          <Stack
            gap="sm"
            component="ol"
            m={0}
            p={0}
            style={{ listStyle: 'none' }}
            data-testid="timeline"
          >
            {items.map(item => (
              <TimelineEntry
                key={`${item.source}-${item.id}`}
                item={item}
                now={now}
                can={abilities(item)}
                onToggle={() => void toggle(item)}
                onEdit={() => open({ kind: 'edit', item })}
                onRemove={() => open({ kind: 'remove', item })}
              />
            ))}
          </Stack>
        )}
        {cursor ? (
          <Group>
            <Button variant="default" loading={loading} onClick={() => void load(cursor)}>
              {t('activities.timeline.more')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      <EditActivityModal
        item={dialog?.kind === 'edit' ? dialog.item : null}
        onClose={close}
        onGone={bump}
        onSaved={() => {
          close();
          setNotice('updated');
          bump();
        }}
      />
      <DeleteActivityModal
        item={dialog?.kind === 'remove' ? dialog.item : null}
        onClose={close}
        onGone={bump}
        onDeleted={removed => {
          close();
          setItems(old => old?.filter(i => i.source !== 'activity' || i.id !== removed) ?? null);
          setNotice('removed');
          bump();
        }}
      />
    </Paper>
  );
}
