/**
 * A contact's consents (contact detail page): each purpose of the register with the current basis,
 * recording a consent and withdrawing it, the objection (consent.record holders), and for
 * privacy.manage holders the person's ZIP and registering an access request.
 */
import {
  Alert,
  Button,
  Checkbox,
  Group,
  Select,
  Stack,
  Table,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import {
  CONSENT_CHANNELS,
  LEGAL_GROUNDS,
  type ConsentChannel,
  type LegalGround,
} from '../../../src-shared/privacy/types';
import { useApi } from '../../app/api';
import { useGranted } from '../../app/grants';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useLoader } from '../../components/useLoader';
import { saveFile, shortTime } from './files';
import { DateField } from '../../components/dates/DateFields';

/** The consent block of contact `contactId`. */
export function ConsentBlock({ contactId }: { contactId: string }) {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const record = useGranted('consent.record');
  const manage = useGranted('privacy.manage');
  const {
    value: state,
    error,
    load,
  } = useLoader((id: string) => api.privacy.consentState({ contactId: id }));
  const [actionError, setActionError] = useState<CallError | null>(null);
  const [purposeId, setPurposeId] = useState<string | null>(null);
  const [ground, setGround] = useState<LegalGround>('consent');
  const [channel, setChannel] = useState<ConsentChannel>('paper');
  const [date, setDate] = useState(() => new Date().toISOString().slice(0, 10));
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [note, setNote] = useState<string | null>(null);
  useEffect(() => {
    void load(contactId);
  }, [load, contactId]);

  const after = async (r: { ok: boolean; error?: CallError }) => {
    if (!r.ok && r.error) setActionError(r.error);
    else setActionError(null);
    await load(contactId);
  };
  const save = async () => {
    const chosen = purposeId ?? state?.purposes[0]?.purpose.id;
    if (!chosen) return;
    setBusy(true);
    const obtained = new Date(`${date}T12:00:00`);
    const r = await api.privacy.recordConsent({
      contactId,
      purposeId: chosen,
      ground,
      channel,
      obtainedAt: (obtained.getTime() > Date.now() ? new Date() : obtained).toISOString(),
      ...(text.trim() ? { consentText: text } : {}),
    });
    setBusy(false);
    if (r.ok) setText('');
    await after(r);
  };
  const exportZip = async () => {
    const r = await api.privacy.exportSubject({
      contactId,
      lang: i18n.language === 'en' ? 'en' : 'uk',
    });
    if (r.ok) saveFile(r.value);
    else setActionError(r.error);
  };
  const registerRequest = async () => {
    const r = await api.privacy.createRequest({
      request: { contactId, kind: 'access', receivedAt: new Date().toISOString() },
    });
    if (r.ok)
      setNote(
        t('privacy.consent.requestRegistered', { when: shortTime(r.value.dueAt, i18n.language) }),
      );
    else setActionError(r.error);
  };

  if (!state) return <ErrorAlert error={error} />;
  return (
    <Stack gap="sm" component="section" aria-labelledby={`consents-${contactId}`}>
      <Title order={2} size="h4" id={`consents-${contactId}`}>
        {t('privacy.consent.title')}
      </Title>
      <ErrorAlert error={error ?? actionError} />
      {note ? (
        <Alert color="blue" role="status">
          {note}
        </Alert>
      ) : null}
      {state.purposes.length === 0 ? (
        <Text size="sm">{t('privacy.consent.noPurposes')}</Text>
      ) : (
        <Table aria-label={t('privacy.consent.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('privacy.consent.purpose')}</Table.Th>
              <Table.Th>{t('privacy.consent.ground')}</Table.Th>
              <Table.Th>{t('privacy.consent.state')}</Table.Th>
              {record ? <Table.Th /> : null}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {state.purposes.map(({ purpose, current }) => (
              <Table.Tr key={purpose.id}>
                <Table.Td>{purpose.name}</Table.Td>
                <Table.Td>{current ? t(`privacy.grounds.${current.ground}`) : ''}</Table.Td>
                <Table.Td>
                  {!current
                    ? t('privacy.consent.none')
                    : current.withdrawnAt
                      ? t('privacy.consent.withdrawnAt', {
                          when: shortTime(current.withdrawnAt, i18n.language),
                        })
                      : t('privacy.consent.active', {
                          when: shortTime(current.obtainedAt, i18n.language),
                        })}
                </Table.Td>
                {record ? (
                  <Table.Td>
                    {current && !current.withdrawnAt ? (
                      <Button
                        size="xs"
                        variant="default"
                        onClick={() =>
                          void api.privacy
                            .withdrawConsent({ contactId, purposeId: purpose.id })
                            .then(after)
                        }
                      >
                        {t('privacy.consent.withdraw')}
                      </Button>
                    ) : null}
                  </Table.Td>
                ) : null}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {record ? (
        <Checkbox
          label={t('privacy.consent.objection')}
          checked={state.objection !== null}
          onChange={e =>
            void api.privacy
              .setObjection({ contactId, objected: e.currentTarget.checked })
              .then(after)
          }
        />
      ) : null}
      {record && state.purposes.length > 0 ? (
        <Stack gap="xs" maw={640}>
          <Group grow align="flex-end">
            <Select
              label={t('privacy.consent.purpose')}
              value={purposeId ?? state.purposes[0]?.purpose.id ?? null}
              allowDeselect={false}
              onChange={setPurposeId}
              data={state.purposes.map(p => ({ value: p.purpose.id, label: p.purpose.name }))}
            />
            <Select
              label={t('privacy.consent.ground')}
              value={ground}
              allowDeselect={false}
              onChange={v => setGround((v as LegalGround | null) ?? 'consent')}
              data={LEGAL_GROUNDS.map(g => ({ value: g, label: t(`privacy.grounds.${g}`) }))}
            />
          </Group>
          <Group grow align="flex-end">
            <Select
              label={t('privacy.consent.channel')}
              value={channel}
              allowDeselect={false}
              onChange={v => setChannel((v as ConsentChannel | null) ?? 'paper')}
              data={CONSENT_CHANNELS.map(c => ({ value: c, label: t(`privacy.channels.${c}`) }))}
            />
            <DateField label={t('privacy.consent.obtainedAt')} value={date} onChange={setDate} />
          </Group>
          <Textarea
            label={t('privacy.consent.text')}
            value={text}
            onChange={e => setText(e.currentTarget.value)}
            autosize
            minRows={2}
          />
          <Group>
            <BusyButton
              busy={busy}
              busyLabel={t('privacy.consent.recording')}
              onClick={() => void save()}
            >
              {t('privacy.consent.record')}
            </BusyButton>
          </Group>
        </Stack>
      ) : null}
      {manage ? (
        <Group>
          <Button variant="default" onClick={() => void exportZip()}>
            {t('privacy.consent.exportAll')}
          </Button>
          <Button variant="default" onClick={() => void registerRequest()}>
            {t('privacy.consent.registerRequest')}
          </Button>
        </Group>
      ) : null}
    </Stack>
  );
}
