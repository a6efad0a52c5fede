/** The processing register: the purposes table, a form to add one (privacy.manage), the PDF. */
import {
  Alert,
  Checkbox,
  Group,
  NumberInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LEGAL_GROUNDS, type LegalGround } from '../../../src-shared/privacy/types';
import { useApi } from '../../app/api';
import { useGranted } from '../../app/grants';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoader } from '../../components/useLoader';
import { saveFile } from './files';

/** The register tab. */
export function RegisterPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const manage = useGranted('privacy.manage');
  const { value: purposes, error, setError, load } = useLoader(() => api.privacy.listPurposes({}));
  const [name, setName] = useState('');
  const [ground, setGround] = useState<LegalGround>('consent');
  const [categories, setCategories] = useState('');
  const [months, setMonths] = useState<number | string>('');
  const [recipients, setRecipients] = useState('');
  const [highRisk, setHighRisk] = useState(false);
  const [busy, setBusy] = useState(false);
  const [taskNote, setTaskNote] = useState(false);

  useEffect(() => {
    void load(undefined);
  }, [load]);

  const add = async () => {
    setBusy(true);
    const result = await api.privacy.createPurpose({
      purpose: {
        name,
        ground,
        categories: categories
          .split(',')
          .map(c => c.trim())
          .filter(Boolean),
        retentionMonths: typeof months === 'number' ? months : null,
        recipients,
        highRisk,
      },
    });
    setBusy(false);
    if (!result.ok) return setError(result.error);
    setTaskNote(result.value.ombudsmanTaskId !== null);
    setName('');
    setCategories('');
    setMonths('');
    setRecipients('');
    setHighRisk(false);
    await load(undefined);
  };

  const pdf = async () => {
    setBusy(true);
    const result = await api.privacy.registerPdf({ lang: i18n.language === 'en' ? 'en' : 'uk' });
    setBusy(false);
    if (result.ok) saveFile(result.value);
    else setError(result.error);
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('privacy.register.intro')}</Text>
      <ErrorAlert error={error} />
      {taskNote ? (
        <Alert color="blue" role="status">
          {t('privacy.register.taskCreated')}
        </Alert>
      ) : null}
      {purposes && purposes.length === 0 ? <Text>{t('privacy.register.empty')}</Text> : null}
      {purposes && purposes.length > 0 ? (
        <Table aria-label={t('privacy.register.tableLabel')} striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('privacy.register.name')}</Table.Th>
              <Table.Th>{t('privacy.register.ground')}</Table.Th>
              <Table.Th>{t('privacy.register.categories')}</Table.Th>
              <Table.Th>{t('privacy.register.retentionMonths')}</Table.Th>
              <Table.Th>{t('privacy.register.recipients')}</Table.Th>
              <Table.Th>{t('privacy.register.highRisk')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {purposes.map(p => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.name}</Table.Td>
                <Table.Td>{t(`privacy.grounds.${p.ground}`)}</Table.Td>
                <Table.Td>{p.categories.join(', ')}</Table.Td>
                <Table.Td>{p.retentionMonths ?? ''}</Table.Td>
                <Table.Td>{p.recipients}</Table.Td>
                <Table.Td>
                  {p.highRisk ? t('privacy.register.yes') : t('privacy.register.no')}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      ) : null}
      <Group>
        <BusyButton
          variant="default"
          busy={busy}
          busyLabel={t('privacy.register.downloading')}
          onClick={() => void pdf()}
        >
          {t('privacy.register.pdf')}
        </BusyButton>
      </Group>
      {manage ? (
        <Stack gap="xs" maw={640}>
          <TextInput
            label={t('privacy.register.name')}
            value={name}
            onChange={e => setName(e.currentTarget.value)}
            required
          />
          <Select
            label={t('privacy.register.ground')}
            value={ground}
            allowDeselect={false}
            onChange={v => setGround((v as LegalGround | null) ?? 'consent')}
            data={LEGAL_GROUNDS.map(g => ({ value: g, label: t(`privacy.grounds.${g}`) }))}
          />
          <TextInput
            label={t('privacy.register.categories')}
            value={categories}
            onChange={e => setCategories(e.currentTarget.value)}
          />
          <NumberInput
            label={t('privacy.register.retentionMonths')}
            value={months}
            onChange={setMonths}
            min={1}
            max={1200}
          />
          <TextInput
            label={t('privacy.register.recipients')}
            value={recipients}
            onChange={e => setRecipients(e.currentTarget.value)}
          />
          <Checkbox
            label={t('privacy.register.highRisk')}
            checked={highRisk}
            onChange={e => setHighRisk(e.currentTarget.checked)}
          />
          <Group>
            <BusyButton
              busy={busy}
              busyLabel={t('privacy.register.adding')}
              disabled={!name.trim()}
              onClick={() => void add()}
            >
              {t('privacy.register.add')}
            </BusyButton>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
