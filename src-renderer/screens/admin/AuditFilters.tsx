/**
 * The audit log filters: user (only for roles that may list users), action, record type and id, and a
 * date range. "Show" (or Enter) applies them; "Clear filters" goes back to everything.
 */
import { Button, Group, Select, SimpleGrid, TextInput } from '@mantine/core';
import type { FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { UserSummary } from '../../../src-shared/ipc/users';
import { actionLabel, entityTypeLabel } from './audit-format';
import { rangeInverted, type AuditFilterForm } from './audit-filters';
import { DateField } from '../../components/dates/DateFields';

/** Record types the app writes entries for (the id field narrows to one record). */
const ENTITY_TYPES = ['contact', 'user', 'role'] as const;

interface AuditFiltersProps {
  form: AuditFilterForm;
  onChange: (form: AuditFilterForm) => void;
  onApply: () => void;
  onClear: () => void;
  /** Staff for the user filter; null hides it (the role cannot list users). */
  users: readonly UserSummary[] | null;
  actions: readonly string[];
}

/** The filter form. */
export function AuditFilters({
  form,
  onChange,
  onApply,
  onClear,
  users,
  actions,
}: AuditFiltersProps) {
  const { t } = useTranslation();
  const set = (patch: Partial<AuditFilterForm>) => onChange({ ...form, ...patch });
  const inverted = rangeInverted(form);

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!inverted) onApply();
  }

  return (
    <form onSubmit={submit} aria-label={t('admin.audit.filters')}>
      <SimpleGrid cols={{ base: 2, md: 3, lg: 6 }} spacing="sm" verticalSpacing="xs">
        {users ? (
          <Select
            label={t('admin.audit.user')}
            placeholder={t('admin.audit.anyUser')}
            data={users.map(u => ({ value: u.id, label: `${u.displayName} (${u.login})` }))}
            value={form.userId || null}
            onChange={value => set({ userId: value ?? '' })}
            searchable
            clearable
            comboboxProps={{ withinPortal: true }}
          />
        ) : null}
        <Select
          label={t('admin.audit.action')}
          placeholder={t('admin.audit.anyAction')}
          data={actions.map(a => ({ value: a, label: actionLabel(t, a) }))}
          value={form.action || null}
          onChange={value => set({ action: value ?? '' })}
          searchable
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <Select
          label={t('admin.audit.entityType')}
          placeholder={t('admin.audit.anyEntity')}
          data={ENTITY_TYPES.map(type => ({ value: type, label: entityTypeLabel(t, type) }))}
          value={form.entityType || null}
          onChange={value => set({ entityType: value ?? '' })}
          clearable
          comboboxProps={{ withinPortal: true }}
        />
        <TextInput
          label={t('admin.audit.entityId')}
          value={form.entityId}
          onChange={e => set({ entityId: e.currentTarget.value })}
          spellCheck={false}
          autoComplete="off"
        />
        <DateField
          label={t('admin.audit.from')}
          value={form.from}
          onChange={from => set({ from })}
          error={inverted ? t('admin.audit.badRange') : undefined}
        />
        <DateField label={t('admin.audit.to')} value={form.to} onChange={to => set({ to })} />
      </SimpleGrid>
      <Group gap="xs" mt="sm">
        <Button type="submit" disabled={inverted}>
          {t('admin.audit.apply')}
        </Button>
        <Button variant="subtle" color="gray" onClick={onClear}>
          {t('admin.audit.clear')}
        </Button>
      </Group>
    </form>
  );
}
