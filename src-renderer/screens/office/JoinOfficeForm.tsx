/**
 * Joining an office from the sync panel: the server address and an enrolment code (the server's
 * one-time code for the owner's first computer, an owner's invitation for anyone else; both carry
 * the certificate fingerprint). `office.join`; a failure says what to do next.
 */
import { Alert, Button, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApi } from '../../app/api';
import { joinErrorKey } from './join-errors';

/** The form; `onJoined` runs after the server took the request (the panel reloads its status). */
export function JoinOfficeForm({ onJoined }: { onJoined: () => void }) {
  const { t } = useTranslation();
  const api = useApi();
  const [server, setServer] = useState('');
  const [code, setCode] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const join = async () => {
    setBusy(true);
    setError(null);
    const result = await api.office.join({ server: server.trim(), code: code.trim() });
    setBusy(false);
    if (result.ok) onJoined();
    else setError(t(joinErrorKey(result.error)));
  };

  return (
    <Stack
      gap="sm"
      component="form"
      maw={640}
      onSubmit={event => {
        event.preventDefault();
        void join();
      }}
    >
      <Title order={3}>{t('office.join.title')}</Title>
      <Text>{t('office.join.intro')}</Text>
      <TextInput
        label={t('office.join.server')}
        description={t('office.join.serverHint')}
        value={server}
        onChange={event => setServer(event.currentTarget.value)}
        required
        autoComplete="off"
      />
      <Textarea
        label={t('office.join.code')}
        description={t('office.join.codeHint')}
        value={code}
        onChange={event => setCode(event.currentTarget.value)}
        required
        rows={3}
        styles={{ input: { fontFamily: 'monospace' } }}
      />
      {error ? (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      ) : null}
      <div>
        <Button type="submit" loading={busy} disabled={!server.trim() || !code.trim()}>
          {t('office.join.submit')}
        </Button>
      </div>
    </Stack>
  );
}
