/**
 * The monthly review: pick a month, see per person sign-ins, record changes and alerts (the main
 * process decides whom the caller may see: everyone, or their own team), download it as CSV or PDF.
 */
import { Alert, Group, NativeSelect, Stack, Text } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { monthSchema, type MonthlyReview } from '../../../src-shared/ipc/reports';
import { reviewDocument } from '../../../src-shared/reports/review-document';
import { useApi } from '../../app/api';
import { BusyButton } from '../../components/BusyButton';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useActions } from '../../components/useAction';
import { ReportDocumentView } from './ReportDocumentView';
import { monthLabel } from '../dashboard/format';
import { currentMonth, recentMonths, saveReportFile } from './report-files';
import { ariaKeys, useShortcuts } from '../../app/shortcuts';

/** The review tab. */
export function ReviewPanel() {
  const { t, i18n } = useTranslation();
  const api = useApi();
  const lang = i18n.language === 'en' ? 'en' : 'uk';
  const [month, setMonth] = useState(currentMonth());
  const [review, setReview] = useState<MonthlyReview | null>(null);
  const { busy, error, run } = useActions<'show' | 'csv' | 'pdf'>();
  const valid = monthSchema.safeParse(month).success;
  // Months by name in the app's language («листопад 2026»), not the browser's native month field.
  const months = useMemo(
    () => recentMonths().map(value => ({ value, label: monthLabel(value, lang) })),
    [lang],
  );

  const show = async () => {
    if (!valid) return;
    await run('show', () => api.reports.review({ month }), setReview);
  };

  const download = async (format: 'csv' | 'pdf') => {
    if (!valid) return;
    await run(
      format,
      () =>
        format === 'csv'
          ? api.reports.reviewCsv({ month, lang })
          : api.reports.reviewPdf({ month, lang }),
      saveReportFile,
    );
  };

  useShortcuts([['reportShow', () => void show()]]);

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" className="zamok-no-print">
        {t('reports.reviewIntro')}
      </Text>
      <Group align="flex-end" gap="sm" className="zamok-no-print">
        <NativeSelect
          data={months}
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
          aria-keyshortcuts={ariaKeys('reportShow')}
          disabled={!valid}
          onClick={() => void show()}
        >
          {t('reports.show')}
        </BusyButton>
        {(['csv', 'pdf'] as const).map(format => (
          <BusyButton
            key={format}
            variant="default"
            busy={busy === format}
            busyLabel={t('reports.downloading')}
            disabled={!valid}
            onClick={() => void download(format)}
          >
            {t(`reports.${format}`)}
          </BusyButton>
        ))}
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
