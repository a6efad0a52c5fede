/**
 * The monthly review: pick a month, see per person sign-ins, record changes and alerts (the main
 * process decides whom the caller may see: everyone, or their own team), download it as CSV or PDF.
 */
import { Alert, Group, Stack, Text, TextInput } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import { monthSchema, type MonthlyReview } from '../../../src-shared/ipc/reports';
import { reviewDocument } from '../../../src-shared/reports/review-document';
import { useApi } from '../../app/api';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { ReportDocumentView } from './ReportDocumentView';
import { currentMonth, saveReportFile } from './report-files';

/** The review tab. */
export function ReviewPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const [month, setMonth] = useState(currentMonth());
  const [review, setReview] = useState<MonthlyReview | null>(null);
  const [error, setError] = useState<CallError | null>(null);
  const [busy, setBusy] = useState<'show' | 'csv' | 'pdf' | null>(null);
  const valid = monthSchema.safeParse(month).success;

  const show = async () => {
    if (busy || !valid) return;
    setBusy('show');
    setError(null);
    const result = await api.reports.review({ month });
    setBusy(null);
    if (result.ok) setReview(result.value);
    else setError(result.error);
  };

  const download = async (format: 'csv' | 'pdf') => {
    if (busy || !valid) return;
    setBusy(format);
    setError(null);
    const result =
      format === 'csv'
        ? await api.reports.reviewCsv({ month, lang })
        : await api.reports.reviewPdf({ month, lang });
    setBusy(null);
    if (result.ok) saveReportFile(result.value);
    else setError(result.error);
  };

  useHotkeys([['mod+Enter', () => void show()]], []);

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" className="zamok-no-print">
        {t('reports.reviewIntro')}
      </Text>
      <Group align="flex-end" gap="sm" className="zamok-no-print">
        <TextInput
          type="month"
          label={t('reports.month')}
          description={t('reports.monthHint')}
          value={month}
          onChange={e => setMonth(e.currentTarget.value)}
          onKeyDown={e => {
            if (e.key === 'Enter') void show();
          }}
          error={valid ? undefined : t('reports.badMonth')}
          w={260}
        />
        <BusyButton
          busy={busy === 'show'}
          busyLabel={t('reports.loading')}
          aria-keyshortcuts="Control+Enter"
          disabled={!valid}
          onClick={() => void show()}
        >
          {t('reports.show')}
        </BusyButton>
        <BusyButton
          variant="default"
          busy={busy === 'csv'}
          busyLabel={t('reports.downloading')}
          disabled={!valid}
          onClick={() => void download('csv')}
        >
          {t('reports.csv')}
        </BusyButton>
        <BusyButton
          variant="default"
          busy={busy === 'pdf'}
          busyLabel={t('reports.downloading')}
          disabled={!valid}
          onClick={() => void download('pdf')}
        >
          {t('reports.pdf')}
        </BusyButton>
      </Group>
      <ErrorAlert error={error} />
      {review ? (
        <>
          {review.coverage === 'team' ? (
            <Alert variant="light" color="blue" className="zamok-no-print">
              {t('reports.teamOnly')}
            </Alert>
          ) : null}
          {review.users.length === 0 ? (
            <Text size="sm">{t('reports.noStaff')}</Text>
          ) : (
            <ReportDocumentView doc={reviewDocument(review, lang)} />
          )}
        </>
      ) : null}
    </Stack>
  );
}
