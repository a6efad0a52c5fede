/**
 * "Відповідальний" (owner): narrows a list or board to one owner's records. Offers the active colleagues
 * (`users.colleagues`) as initials and full name. Only a narrowing: main applies the caller's scope
 * in SQL first, so picking someone outside it shows nothing rather than their records.
 */
import { Select } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useApi } from '../app/api';
import { PersonBadge } from './PersonBadge';
import { useLoaded } from './useLoaded';

/** The owner select; `value` null = everyone in scope. */
export function OwnerFilter({
  value,
  onChange,
  width = 240,
}: {
  value: string | null;
  onChange: (ownerId: string | null) => void;
  width?: number;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const colleagues = useLoaded(() => api.users.colleagues({}));
  const data = (colleagues.value ?? []).map(c => ({ value: c.id, label: c.displayName }));
  return (
    <Select
      label={t('owner.label')}
      placeholder={t('owner.all')}
      data={data}
      value={value}
      onChange={onChange}
      renderOption={({ option }) => <PersonBadge name={option.label} />}
      clearable
      searchable
      w={width}
    />
  );
}
