/** One security-check finding: severity, title, why it matters, the fix, and a link to the section. */
import { Badge, Button, Card, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { FindingId, FindingSeverity, SecurityFinding } from '../../../src-shared/ipc/security';
import type { Section } from '../../stores/navigation';

/** Badge colour per severity (light badges, label in shade 9 for contrast, as StatusBadge). */
export const SEVERITY_COLOR: Readonly<Record<FindingSeverity, string>> = {
  high: 'red',
  medium: 'orange',
  low: 'blue',
  info: 'gray',
};

/** The section where a finding is fixed (its one step), when there is one. */
const FIX_SECTION: Partial<Record<FindingId, Section>> = {
  users_without_2fa: 'users',
  dormant_accounts: 'users',
  dismissed_with_access: 'users',
  privileged_count: 'users',
  export_roles: 'users',
  kdf_below_floor: 'users',
  backup_never: 'backups',
  backup_overdue: 'backups',
  backup_unverified: 'backups',
  backup_same_disk: 'backups',
  audit_chain_broken: 'audit',
};

/** The severity as a light badge that keeps its width beside a long title. */
export function SeverityBadge({ severity }: { severity: FindingSeverity }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={SEVERITY_COLOR[severity]}
      c={`${SEVERITY_COLOR[severity]}.9`}
      variant="light"
      style={{ flexShrink: 0 }}
    >
      {t(`security.screen.severities.${severity}`)}
    </Badge>
  );
}

/** "Why: …" / "Fix: …": a bold lead-in and the sentence. */
function LeadIn({ lead, text }: { lead: string; text: string }) {
  return (
    <Text size="sm">
      <Text span fw={500}>
        {lead}:{' '}
      </Text>
      {text}
    </Text>
  );
}

/** Interpolation values: lists joined, nulls shown as a dash. */
export function detailValues(details: SecurityFinding['details']): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(details)) {
    if (Array.isArray(value)) out[key] = value.join(', ');
    else if (value === null) out[key] = '—';
    else out[key] = typeof value === 'boolean' ? String(value) : value;
  }
  return out;
}

interface FindingCardProps {
  finding: SecurityFinding;
  canOpen: (section: Section) => boolean;
  onOpen: (section: Section) => void;
}

/** The finding as a card; the title is a heading so screen readers can jump between findings. */
export function FindingCard({ finding, canOpen, onOpen }: FindingCardProps) {
  const { t } = useTranslation();
  const values = detailValues(finding.details);
  const section = FIX_SECTION[finding.id];
  return (
    <Card withBorder padding="md" component="article" aria-labelledby={`finding-${finding.id}`}>
      <Stack gap={6}>
        <Group gap="sm" wrap="nowrap" align="flex-start">
          <SeverityBadge severity={finding.severity} />
          <Text fw={600} component="h3" m={0} size="md" id={`finding-${finding.id}`}>
            {t(finding.titleKey, values)}
          </Text>
        </Group>
        <LeadIn lead={t('security.screen.why')} text={t(finding.whyKey, values)} />
        <LeadIn lead={t('security.screen.fix')} text={t(finding.fixKey, values)} />
        {section && canOpen(section) ? (
          <Group>
            <Button size="xs" variant="light" onClick={() => onOpen(section)}>
              {t('security.screen.open')}: {t(`shell.sections.${section}`)}
            </Button>
          </Group>
        ) : null}
      </Stack>
    </Card>
  );
}
