/**
 * The «Додаткові поля» tab (`fields.manage`: owner, administrator): add a field to contacts,
 * companies or deals (text, number, date, a list of choices, yes/no), rename it, move it up or
 * down, archive it (values kept) or bring it back, delete it while no record holds a value. Main
 * checks the permission and writes the audit entry; this tab only offers the calls.
 */
import {
  ActionIcon,
  Badge,
  Button,
  Checkbox,
  Group,
  NativeSelect,
  Paper,
  SegmentedControl,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CUSTOM_FIELD_KINDS,
  CUSTOM_FIELD_LIMITS,
  CUSTOM_RECORD_TYPES,
  type CustomField,
  type CustomFieldKind,
  type CustomRecordType,
} from '../../../src-shared/custom-fields';
import type { CallError } from '../../../src-shared/ipc/contract';
import { useApi } from '../../app/api';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LoadStatus } from '../../components/LoadStatus';
import { useActions } from '../../components/useAction';
import { useLoaded } from '../../components/useLoaded';
import { ConfirmModal } from './ConfirmModal';

/** A refusal with a known reason in words; anything else as the usual error. */
function FieldError({ error }: { error: CallError | null }) {
  const { t } = useTranslation();
  const reason = error?.details?.reason;
  const words =
    typeof reason === 'string'
      ? t(`customFields.admin.reasons.${reason}`, { defaultValue: '' })
      : '';
  if (words) {
    return (
      <Text c="red" role="alert" size="sm">
        {words}
      </Text>
    );
  }
  return <ErrorAlert error={error} />;
}

/** The tab. */
export function FieldsTab() {
  const { t } = useTranslation();
  const api = useApi();
  const [recordType, setRecordType] = useState<CustomRecordType>('contact');
  const fields = useLoaded(() => api.fields.list({ includeArchived: true }));
  const actions = useActions<string>();
  const [label, setLabel] = useState('');
  const [kind, setKind] = useState<CustomFieldKind>('text');
  const [options, setOptions] = useState<string[]>([]);
  const [deleting, setDeleting] = useState<CustomField | null>(null);
  const shown = (fields.value ?? []).filter(f => f.recordType === recordType);

  return (
    <Stack gap="md">
      <Stack gap={4}>
        <Title order={2} size="h3">
          {t('customFields.admin.title')}
        </Title>
        <Text size="sm" c="dimmed" maw={820}>
          {t('customFields.admin.hint')}
        </Text>
      </Stack>
      <SegmentedControl
        aria-label={t('customFields.admin.recordType')}
        value={recordType}
        onChange={v => setRecordType(v as CustomRecordType)}
        data={CUSTOM_RECORD_TYPES.map(type => ({
          value: type,
          label: t(`customFields.recordTypes.${type}`),
        }))}
        w="fit-content"
      />
      <form
        onSubmit={event => {
          event.preventDefault();
          void actions.run(
            'create',
            () =>
              api.fields.create({
                recordType,
                label,
                kind,
                options: kind === 'choice' ? options : [],
              }),
            () => {
              setLabel('');
              setOptions([]);
              fields.reload();
            },
          );
        }}
      >
        <Group align="flex-end" wrap="wrap">
          <TextInput
            label={t('customFields.admin.label')}
            value={label}
            onChange={e => setLabel(e.currentTarget.value)}
            maxLength={CUSTOM_FIELD_LIMITS.label}
            required
            w={240}
          />
          <NativeSelect
            label={t('customFields.admin.kind')}
            value={kind}
            onChange={e => setKind(e.currentTarget.value as CustomFieldKind)}
            data={CUSTOM_FIELD_KINDS.map(k => ({ value: k, label: t(`customFields.kinds.${k}`) }))}
            w={200}
          />
          {kind === 'choice' ? (
            <TagsInput
              label={t('customFields.admin.options')}
              description={t('customFields.admin.optionsHint')}
              value={options}
              onChange={setOptions}
              maxTags={CUSTOM_FIELD_LIMITS.options}
              w={320}
            />
          ) : null}
          <Button type="submit" loading={actions.busy === 'create'}>
            {t('customFields.admin.add')}
          </Button>
        </Group>
      </form>
      <FieldError error={actions.error} />
      <LoadStatus loaded={fields} loadingLabel={t('admin.loading')} retryLabel={t('admin.retry')} />
      {fields.value && shown.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('customFields.admin.empty')}
        </Text>
      ) : null}
      <Stack gap="xs" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
        {shown.map((field, i) => (
          <FieldRow
            key={field.id}
            field={field}
            first={i === 0}
            last={i === shown.length - 1}
            busy={actions.busy !== null}
            onMove={step => {
              const ids = shown.map(f => f.id);
              const j = i + step;
              [ids[i], ids[j]] = [ids[j] ?? field.id, ids[i] ?? field.id];
              void actions.run(
                `move-${field.id}`,
                () => api.fields.reorder({ recordType, ids }),
                fields.reload,
              );
            }}
            onRename={next =>
              actions.run(
                `rename-${field.id}`,
                () => api.fields.update({ id: field.id, label: next }),
                fields.reload,
              )
            }
            onShowInList={
              recordType === 'deal'
                ? undefined
                : next =>
                    void actions.run(
                      `list-${field.id}`,
                      () => api.fields.update({ id: field.id, showInList: next }),
                      fields.reload,
                    )
            }
            onArchive={() =>
              void actions.run(
                `archive-${field.id}`,
                () => api.fields.archive({ id: field.id, archived: !field.archived }),
                fields.reload,
              )
            }
            onDelete={() => setDeleting(field)}
          />
        ))}
      </Stack>
      <ConfirmModal
        opened={deleting !== null}
        onClose={() => setDeleting(null)}
        title={t('customFields.admin.deleteTitle', { label: deleting?.label ?? '' })}
        body={t('customFields.admin.deleteBody')}
        color="red"
        confirmLabel={t('customFields.admin.delete')}
        busyLabel={t('customFields.admin.deleting')}
        call={() => api.fields.delete({ id: deleting?.id ?? '' })}
        onDone={() => {
          setDeleting(null);
          fields.reload();
        }}
      />
    </Stack>
  );
}

function FieldRow(props: {
  field: CustomField;
  first: boolean;
  last: boolean;
  busy: boolean;
  onMove: (step: -1 | 1) => void;
  onRename: (label: string) => Promise<boolean>;
  /** Marks the field shown in its list (contacts and companies; the deal list has its own). */
  onShowInList: ((shown: boolean) => void) | undefined;
  onArchive: () => void;
  onDelete: () => void;
}) {
  const { t } = useTranslation();
  const { field } = props;
  const [renaming, setRenaming] = useState<string | null>(null);
  const named = { label: field.label };
  return (
    <Paper component="li" withBorder radius="md" p="sm">
      <Group justify="space-between" wrap="wrap">
        {renaming === null ? (
          <Group gap="xs">
            <Text fw={600}>{field.label}</Text>
            <Badge variant="light">{t(`customFields.kinds.${field.kind}`)}</Badge>
            {field.archived ? <Badge color="gray">{t('customFields.admin.archived')}</Badge> : null}
            {field.options.length > 0 ? (
              <Text size="sm" c="dimmed">
                {field.options.join(', ')}
              </Text>
            ) : null}
          </Group>
        ) : (
          <form
            onSubmit={event => {
              event.preventDefault();
              void props.onRename(renaming).then(done => done && setRenaming(null));
            }}
          >
            <Group gap="xs">
              <TextInput
                aria-label={t('customFields.admin.renameLabel', named)}
                value={renaming}
                onChange={e => setRenaming(e.currentTarget.value)}
                maxLength={CUSTOM_FIELD_LIMITS.label}
                autoFocus
              />
              <Button type="submit" size="xs">
                {t('customFields.admin.save')}
              </Button>
              <Button size="xs" variant="default" onClick={() => setRenaming(null)}>
                {t('customFields.admin.cancel')}
              </Button>
            </Group>
          </form>
        )}
        <Group gap="xs">
          {props.onShowInList ? (
            <Checkbox
              size="xs"
              label={t('customFields.admin.showInList')}
              aria-label={t('customFields.admin.showInListLabel', named)}
              checked={field.showInList === true}
              disabled={props.busy || field.archived}
              onChange={e => props.onShowInList?.(e.currentTarget.checked)}
            />
          ) : null}
          <ActionIcon
            variant="default"
            aria-label={t('customFields.admin.up', named)}
            disabled={props.first || props.busy}
            onClick={() => props.onMove(-1)}
          >
            ↑
          </ActionIcon>
          <ActionIcon
            variant="default"
            aria-label={t('customFields.admin.down', named)}
            disabled={props.last || props.busy}
            onClick={() => props.onMove(1)}
          >
            ↓
          </ActionIcon>
          <Button size="xs" variant="default" onClick={() => setRenaming(field.label)}>
            {t('customFields.admin.rename')}
          </Button>
          <Button size="xs" variant="default" onClick={props.onArchive} disabled={props.busy}>
            {t(field.archived ? 'customFields.admin.unarchive' : 'customFields.admin.archive')}
          </Button>
          <Button
            size="xs"
            variant="subtle"
            color="red"
            aria-label={t('customFields.admin.deleteLabel', named)}
            onClick={props.onDelete}
          >
            {t('customFields.admin.delete')}
          </Button>
        </Group>
      </Group>
    </Paper>
  );
}
