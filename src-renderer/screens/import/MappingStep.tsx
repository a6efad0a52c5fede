/**
 * Step 2: the first rows of the file and the column mapping (synonyms and a saved mapping already
 * applied by main; the record type's custom fields are targets too), how to split a full name, and "save this mapping".
 */
import { Alert, Button, Group, Select, Stack, Table, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import {
  customTarget,
  importKindFields,
  type ImportKind,
  type NameOrder,
} from '../../../src-shared/import';
import { fieldsOf, type WizardTarget } from './wizard-model';
import type { ImportPreview } from '../../../src-shared/ipc/imports';

/** What the mapping step edits. */
export interface MappingChoice {
  columns: (WizardTarget | null)[];
  nameOrder: NameOrder;
  saveAs: string;
}

const SKIP = '';

/** The mapping table and the first rows. */
export function MappingStep(props: {
  type: ImportKind;
  preview: ImportPreview;
  choice: MappingChoice;
  busy: boolean;
  onChange: (choice: MappingChoice) => void;
  onCheck: () => void;
}) {
  const { t } = useTranslation();
  const { preview, choice } = props;
  const fields = [
    { value: SKIP, label: t('importer.mapping.skip') },
    ...importKindFields(props.type).map(f => ({
      value: f,
      label: t(props.type === 'deals' ? `importer.dealFields.${f}` : `importer.fields.${f}`),
    })),
    // The owner's custom fields, under their own labels.
    ...preview.customFields.map(f => ({
      value: customTarget(f.id),
      label: t('importer.mapping.custom', { label: f.label }),
    })),
  ];
  const customIds = preview.customFields.map(f => f.id);
  const delimiter =
    preview.delimiter === '\t'
      ? t('importer.file.tab')
      : (preview.delimiter ?? t('importer.file.none'));
  const setColumn = (index: number, value: string | null) =>
    props.onChange({
      ...choice,
      columns: choice.columns.map((c, i) =>
        i === index ? (fieldsOf(props.type, [value || null], customIds)[0] ?? null) : c,
      ),
    });
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        {t('importer.file.detected', {
          format: preview.format.toUpperCase(),
          encoding: preview.encoding ?? t('importer.file.none'),
          delimiter,
        })}
      </Text>
      {preview.mappingName ? (
        <Alert color="blue" variant="light" role="status">
          {t('importer.mapping.saved', { name: preview.mappingName })}
        </Alert>
      ) : null}
      <Text>{t('importer.mapping.intro')}</Text>
      <Table withTableBorder striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('importer.mapping.header')}</Table.Th>
            <Table.Th>{t('importer.mapping.sample')}</Table.Th>
            <Table.Th>{t('importer.mapping.field')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {preview.headers.map((header, index) => (
            <Table.Tr key={index}>
              <Table.Td>{header}</Table.Td>
              <Table.Td>{preview.rows[0]?.[index] ?? ''}</Table.Td>
              <Table.Td>
                <Select
                  aria-label={`${t('importer.mapping.field')}: ${header}`}
                  data={fields}
                  value={choice.columns[index] ?? SKIP}
                  onChange={value => setColumn(index, value)}
                  allowDeselect={false}
                  w={240}
                />
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      {choice.columns.includes('fullName') ? (
        <Select
          label={t('importer.mapping.nameOrder')}
          data={[
            { value: 'surname-first', label: t('importer.mapping.surnameFirst') },
            { value: 'given-first', label: t('importer.mapping.givenFirst') },
          ]}
          value={choice.nameOrder}
          onChange={value =>
            props.onChange({
              ...choice,
              nameOrder: value === 'given-first' ? value : 'surname-first',
            })
          }
          allowDeselect={false}
          w={320}
        />
      ) : null}
      <TextInput
        label={t('importer.mapping.saveAs')}
        placeholder={t('importer.mapping.saveAsPlaceholder')}
        value={choice.saveAs}
        maxLength={100}
        onChange={event => props.onChange({ ...choice, saveAs: event.currentTarget.value })}
        w={400}
      />
      <Text fw={600}>{t('importer.mapping.preview')}</Text>
      <Table.ScrollContainer minWidth={400}>
        <Table withTableBorder fz="sm">
          <Table.Thead>
            <Table.Tr>
              {preview.headers.map((header, index) => (
                <Table.Th key={index}>{header}</Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {preview.rows.map((row, r) => (
              <Table.Tr key={r}>
                {row.map((cell, c) => (
                  <Table.Td key={c}>{cell}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      <Group>
        <Button onClick={props.onCheck} loading={props.busy}>
          {t('importer.mapping.check')}
        </Button>
      </Group>
    </Stack>
  );
}
