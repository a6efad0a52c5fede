/**
 * The contacts export dialog's processing purpose (issue 17, point 2): a purpose from the register
 * to export "for", and how many contacts the export of the current filter leaves out and why —
 * objected (always) and, for the chosen purpose, no valid basis. Counts only, from
 * `privacy.exportPreview` (the main process applies the same condition to the export itself).
 * Renders nothing when the preview is not available (an older host, a failed call).
 */
import { NativeSelect, Stack, Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactExportFilter } from '../../../src-shared/ipc/contacts';
import type { ExportPreview } from '../../../src-shared/privacy';
import { useApi } from '../../app/api';

/** The picker: `value` is the chosen purpose id (null: none). */
export function ExportPurposePicker(props: {
  filter: ContactExportFilter;
  value: string | null;
  onChange: (purposeId: string | null) => void;
}) {
  const { t } = useTranslation();
  const api = useApi();
  const [preview, setPreview] = useState<ExportPreview | null>(null);
  const { filter, value } = props;
  const filterKey = JSON.stringify(filter);
  useEffect(() => {
    let alive = true;
    const input = {
      filter: JSON.parse(filterKey) as ContactExportFilter,
      ...(value ? { purposeId: value } : {}),
    };
    void api.privacy.exportPreview(input).then(result => {
      if (alive) setPreview(result.ok ? result.value : null);
    });
    return () => {
      alive = false;
    };
  }, [api, filterKey, value]);

  if (!preview) return null;
  return (
    <Stack gap={4}>
      {preview.purposes.length > 0 ? (
        <NativeSelect
          label={t('contacts.exportPurpose.label')}
          description={t('contacts.exportPurpose.hint')}
          value={value ?? ''}
          onChange={event => props.onChange(event.currentTarget.value || null)}
          data={[
            { value: '', label: t('contacts.exportPurpose.none') },
            ...preview.purposes.map(p => ({ value: p.id, label: p.name })),
          ]}
        />
      ) : null}
      <div role="status">
        {preview.objected > 0 ? (
          <Text size="sm">{t('contacts.exportPurpose.objected', { count: preview.objected })}</Text>
        ) : null}
        {value && preview.noBasis > 0 ? (
          <Text size="sm">{t('contacts.exportPurpose.noBasis', { count: preview.noBasis })}</Text>
        ) : null}
      </div>
    </Stack>
  );
}
