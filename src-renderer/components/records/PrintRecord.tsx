/**
 * Printing a record's page (contact card, deal page) on A4 through the print stylesheet
 * (./print-record.css): the page as shown, without buttons, navigation and the change history,
 * under a line with the office's name and when it was printed. The browser's own print dialog (and
 * its "Save as PDF") does the rest, so no client data passes through a new main-process channel.
 */
import { Button, Group, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useOfficeSettings } from '../../app/office';
import './print-record.css';

/** «Друкувати»: opens the print dialog for the page. */
export function PrintButton() {
  const { t } = useTranslation();
  return (
    <Tooltip label={t('office.printHint')} withArrow>
      <Button variant="default" onClick={() => window.print()}>
        {t('office.print')}
      </Button>
    </Tooltip>
  );
}

/** The printed page's top line (office name, date and time); hidden on screen. */
export function PrintHeader() {
  const { t, i18n } = useTranslation();
  const { officeName } = useOfficeSettings();
  const when = new Intl.DateTimeFormat(i18n.language === 'uk' ? 'uk-UA' : 'en-GB', {
    dateStyle: 'long',
    timeStyle: 'short',
  }).format(new Date());
  return (
    <Group justify="space-between" className="zamok-print-only" data-testid="print-header">
      <Text fw={700}>{officeName || t('app.name')}</Text>
      <Text size="sm">{t('office.printedAt', { when })}</Text>
    </Group>
  );
}
