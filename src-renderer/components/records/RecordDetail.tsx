/**
 * The layout of a record's page: "Back", the header (name, "Deleted" badge, the actions the role
 * allows), the deleted notice, an action's error, the record type's sections, and the audit history
 * (remounted after each change so it shows the newest entry). Escape goes back, `e` edits.
 * Words: `<ns>.detail.*`.
 */
import {
  Alert,
  Badge,
  Box,
  Button,
  Center,
  Group,
  Loader,
  Paper,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CallError } from '../../../src-shared/ipc/contract';
import type { DocumentRecordType } from '../../../src-shared/ipc/documents';
import { BusyButton } from '../BusyButton';
import { EntityHistory } from '../EntityHistory';
import { ErrorAlert } from '../ErrorAlert';
import { formatDateTime } from './format';
import { PhoneReach } from './ReachLinks';
import { PrintButton, PrintHeader } from './PrintRecord';
import { useShortcuts } from '../../app/shortcuts';

/** "← Back to the list", with its Esc hint. */
export function BackButton({ ns, onBack }: { ns: string; onBack: () => void }) {
  const { t } = useTranslation();
  return (
    <Group>
      <Tooltip label={t(`${ns}.detail.backHint`)} withArrow>
        <Button variant="subtle" onClick={onBack} leftSection={<span aria-hidden>←</span>}>
          {t(`${ns}.detail.back`)}
        </Button>
      </Tooltip>
    </Group>
  );
}

/** A record page's keys: Escape goes back, `e` edits (when allowed); both rest under a dialog. */
function useDetailKeys(dialogOpen: boolean, onBack: () => void, onEdit: (() => void) | null) {
  useShortcuts([
    ['recordBack', () => !dialogOpen && onBack()],
    ['recordEdit', () => !dialogOpen && onEdit !== null && onEdit()],
  ]);
}

/** The page before its record is there: loading, or the error that kept it away. */
export function DetailPending(props: { ns: string; error: CallError | null; onBack: () => void }) {
  const { t } = useTranslation();
  useDetailKeys(false, props.onBack, null);
  return (
    <Stack>
      <BackButton ns={props.ns} onBack={props.onBack} />
      {props.error ? (
        <ErrorAlert error={props.error} />
      ) : (
        <Center py="xl">
          <Group gap="sm">
            <Loader size="sm" />
            <Text c="dimmed">{t(`${props.ns}.detail.loading`)}</Text>
          </Group>
        </Center>
      )}
    </Stack>
  );
}

/** What the role may do with the record: which of the header's actions show. */
export interface DetailAbilities {
  update: boolean;
  reassign: boolean;
  readUsers: boolean;
  delete: boolean;
  restore: boolean;
}

/**
 * The record's page. `badge` sits by the title (a deal's stage); `extraActions` between Edit and
 * Reassign.
 */
export function RecordDetail(props: {
  ns: string;
  history: { type: DocumentRecordType; id: string; updatedAt: string };
  title: string;
  badge?: ReactNode;
  deleted: boolean;
  /** Shown while the record is deleted (records a page never shows deleted, deals, have none). */
  deletedBadge?: string;
  deletedNotice?: ReactNode;
  abilities: DetailAbilities;
  onEdit: () => void;
  /** Opens one of the page's dialogs (`reassign`, `delete`). */
  open: (dialog: string) => void;
  /** Records that cannot be restored (deals) have none. */
  onRestore?: () => void;
  /** The restore is running. */
  busy: boolean;
  extraActions?: ReactNode;
  /** Shows «Друкувати» (contact card, deal page: ./PrintRecord.tsx). */
  printable?: boolean;
  /** An action's error while no dialog shows it. */
  actionError: CallError | null;
  /** A dialog is open: the page's own keys rest. */
  dialogOpen: boolean;
  onBack: () => void;
  children: ReactNode;
}) {
  const { ns, abilities, deleted, onBack } = props;
  const { t } = useTranslation();
  const onEdit = abilities.update && !deleted ? props.onEdit : null;
  useDetailKeys(props.dialogOpen, onBack, onEdit);
  return (
    <Stack gap="lg" maw={960} className="zamok-print-record">
      {props.printable ? <PrintHeader /> : null}
      <Box className="zamok-no-print">
        <BackButton ns={ns} onBack={onBack} />
      </Box>
      <Group justify="space-between" align="flex-start">
        <Group gap="sm">
          <Title order={1}>{props.title}</Title>
          {props.badge}
          {deleted ? <Badge color="gray">{props.deletedBadge}</Badge> : null}
        </Group>
        <Group gap="xs" className="zamok-no-print">
          {onEdit ? (
            <Tooltip label={t(`${ns}.detail.editHint`)} withArrow>
              <Button onClick={onEdit}>{t(`${ns}.detail.edit`)}</Button>
            </Tooltip>
          ) : null}
          {props.extraActions}
          {props.printable ? <PrintButton /> : null}
          {abilities.reassign && abilities.readUsers && !deleted ? (
            <Button variant="default" onClick={() => props.open('reassign')}>
              {t(`${ns}.detail.reassign`)}
            </Button>
          ) : null}
          {abilities.delete && !deleted ? (
            <Button color="red" variant="light" onClick={() => props.open('delete')}>
              {t(`${ns}.detail.delete`)}
            </Button>
          ) : null}
          {abilities.restore && deleted && props.onRestore ? (
            <BusyButton
              busy={props.busy}
              busyLabel={t(`${ns}.detail.restoring`)}
              onClick={props.onRestore}
            >
              {t(`${ns}.detail.restore`)}
            </BusyButton>
          ) : null}
        </Group>
      </Group>
      {deleted ? (
        <Alert color="gray" variant="light">
          {props.deletedNotice}
        </Alert>
      ) : null}
      {props.dialogOpen ? null : <ErrorAlert error={props.actionError} />}
      {props.children}
      <Box className="zamok-no-print">
        <EntityHistory
          key={props.history.updatedAt}
          entityType={props.history.type}
          entityId={props.history.id}
        />
      </Box>
    </Stack>
  );
}

/**
 * A titled panel of a record's page; with `label` it is a named `<section>` (the company's people,
 * the timeline), else a plain box.
 */
export function DetailPanel(props: { title: string; label?: string; children: ReactNode }) {
  return (
    <Paper
      withBorder
      radius="md"
      p="md"
      component={props.label === undefined ? 'div' : 'section'}
      aria-label={props.label}
    >
      <Title order={2} size="h4" mb="sm">
        {props.title}
      </Title>
      {props.children}
    </Paper>
  );
}

/** One titled group of read-only fields (a description list). */
export function DetailSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <DetailPanel title={title}>
      <Stack gap="sm" component="dl" m={0}>
        {children}
      </Stack>
    </DetailPanel>
  );
}

/** One label and value; an empty value shows `<ns>.none` (a dash) so the layout stays steady. */
export function DetailField(props: { ns: string; label: string; children: ReactNode }) {
  const { t } = useTranslation();
  const { children } = props;
  const empty = children === null || children === undefined || children === '';
  return (
    <div>
      <Text component="dt" size="sm" c="dimmed">
        {props.label}
      </Text>
      <Text component="dd" m={0}>
        {empty ? t(`${props.ns}.none`) : children}
      </Text>
    </div>
  );
}

/** The {@link DetailField} of one record type (its `ns`), for a module's own `Field`. */
export function detailFieldOf(ns: string) {
  return function Field({ label, children }: { label: string; children: ReactNode }) {
    return (
      <DetailField ns={ns} label={label}>
        {children}
      </DetailField>
    );
  };
}

/**
 * A record's phones as `tel:` links with their Viber, Telegram and WhatsApp chats, each with its
 * label; null without phones (a plain function, not a component, so that {@link DetailField} sees
 * the empty value and shows its dash).
 */
export function phoneLinks(phones: readonly { e164: string; label?: string | null }[]): ReactNode {
  return phones.length > 0
    ? phones.map(phone => <PhoneReach key={phone.e164} e164={phone.e164} label={phone.label} />)
    : null;
}

/** "Created" and "Changed": when, and by whom (`nameOf` names a user id). */
export function ChangeStamps(props: {
  ns: string;
  record: { createdAt: string; createdBy: string; updatedAt: string; updatedBy: string };
  nameOf: (userId: string) => string;
}) {
  const { ns, record } = props;
  const { t, i18n } = useTranslation();
  const stamp = (iso: string, userId: string) =>
    t(`${ns}.detail.when`, { when: formatDateTime(iso, i18n.language), who: props.nameOf(userId) });
  return (
    <>
      <DetailField ns={ns} label={t(`${ns}.detail.created`)}>
        {stamp(record.createdAt, record.createdBy)}
      </DetailField>
      <DetailField ns={ns} label={t(`${ns}.detail.updated`)}>
        {stamp(record.updatedAt, record.updatedBy)}
      </DetailField>
    </>
  );
}
