/**
 * A contact's or company's merges (issue 15 point 4), with "Скасувати об'єднання" on the ones not yet undone.
 * A refusal because the records changed since names the changed fields (main says which).
 */
import { Alert, Button, Group, List, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { MergeSummary, MergeType } from '../../../../src-shared/merge';
import { UNMERGE_CHANGED } from '../../../../src-shared/merge';
import { useApi } from '../../../app/api';

function when(iso: string, language: string): string {
  return new Date(iso).toLocaleString(language === 'uk' ? 'uk-UA' : 'en-GB');
}

/**
 * The merges record `id` of `type` survived; `onUnmerged` after an undo (reload the page). Asked
 * again whenever `refresh` changes (the record's `updatedAt`: a merge just made shows up).
 */
export function MergeHistory(props: {
  type: MergeType;
  id: string;
  refresh?: string;
  onUnmerged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const [merges, setMerges] = useState<MergeSummary[]>([]);
  const [busy, setBusy] = useState<string | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const { type, id, refresh } = props;

  const load = useCallback(async () => {
    const result = await api.merges.history({ type, id });
    setMerges(result.ok ? result.value : []);
  }, [api, type, id]);
  useEffect(() => {
    void load();
  }, [load, refresh]);

  const unmerge = async (mergeId: string) => {
    setBusy(mergeId);
    const result = await api.merges.unmerge({ type, mergeId });
    setBusy(null);
    if (result.ok) {
      setMessage({ ok: true, text: t('merge.unmerged') });
      await load();
      props.onUnmerged();
      return;
    }
    const { details } = result.error;
    const fields = Array.isArray(details?.fields) ? details.fields.join(', ') : '';
    setMessage({
      ok: false,
      text:
        details?.reason === UNMERGE_CHANGED
          ? t('merge.changedSince', { fields })
          : t(`errors.${result.error.code}`),
    });
  };

  if (merges.length === 0 && message === null) return null;
  return (
    <Stack gap="xs">
      <Title order={3}>{t('merge.history')}</Title>
      <List>
        {merges.map(m => (
          <List.Item key={m.id}>
            <Group gap="sm">
              <Text size="sm">
                {t('merge.historyItem', {
                  when: when(m.mergedAt, i18n.language),
                  count: m.mergedIds.length,
                })}
                {m.unmergedAt
                  ? `, ${t('merge.undone', { when: when(m.unmergedAt, i18n.language) })}`
                  : ''}
              </Text>
              {m.unmergedAt ? null : (
                <Button
                  size="xs"
                  variant="default"
                  loading={busy === m.id}
                  onClick={() => void unmerge(m.id)}
                >
                  {t('merge.unmerge')}
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      {message ? (
        <Alert color={message.ok ? 'green' : 'red'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </Alert>
      ) : null}
    </Stack>
  );
}
