/**
 * One row of the deal list (./DealList.tsx), memoised: the list re-renders on every scroll frame
 * (its virtualizer lives there), the rows on screen do not — every prop is a value that stays the
 * same while the list scrolls (the deal, its place, the stage's name and outcome, the shared
 * `onOpen`, `onToggle`). Issue 19 point 5. With bulk actions, a box before the row chooses it
 * (issue 18 point 6): a real checkbox beside the row's button, not inside it.
 */
import { Badge, Box, Checkbox, Group, Text, UnstyledButton } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../src-shared/custom-fields';
import type { DealSummary, StageOutcome } from '../../../src-shared/deals';
import { PersonBadge } from '../../components/PersonBadge';
import { formatDay } from '../../components/records/format';
import { customListDetails } from '../../components/records/list-custom-fields';
import { virtualRowStyle } from '../../components/records/use-virtual-rows';
import { dealAmount } from './format';

/** What one deal row gets. */
export interface DealRowProps {
  deal: DealSummary;
  /** The row's offset in the list (the virtual item's `start`). */
  top: number;
  height: number;
  stageName: string;
  outcome: StageOutcome | undefined;
  onOpen: (id: string) => void;
  /**
   * The deal custom fields marked «Показувати в списку» (components/records/list-custom-fields.ts):
   * one array for every row, the same object until the fields load again.
   */
  listFields?: readonly CustomField[] | undefined;
  /** Chosen for bulk actions (components/records/selection.ts); undefined: no bulk actions. */
  checked?: boolean | undefined;
  /** A click on the row's box: one callback for every row, told whether Shift was down. */
  onToggle?: ((id: string, shift: boolean) => void) | undefined;
}

/**
 * A deal row: title; contact and company; the shown custom fields on a line of their own (`Label:
 * value` in the app's language, as the contact and company lists write them; the row is taller
 * then); stage, amount, expected close, owner.
 */
export const DealRow = memo(function DealRow(props: DealRowProps) {
  const { deal: d, outcome, onOpen } = props;
  const { t, i18n } = useTranslation();
  const { onToggle } = props;
  const custom = props.listFields?.length
    ? customListDetails(props.listFields, d.custom, t, i18n.language).join(' · ')
    : null;
  const content = (
    <UnstyledButton
      onClick={() => onOpen(d.id)}
      style={{ flex: 1, minWidth: 0, padding: '6px 8px' }}
    >
      <Group wrap="nowrap" justify="space-between">
        <Box style={{ minWidth: 0, flex: 1 }}>
          <Text fw={600} size="sm" truncate>
            {d.title}
          </Text>
          <Text size="xs" c="dimmed" truncate>
            {[d.contactName, d.companyName].filter(Boolean).join(' · ') || t('deals.noContact')}
          </Text>
          {custom !== null ? (
            <Text size="xs" c="dimmed" truncate title={custom} data-testid="deal-row-custom">
              {custom}
            </Text>
          ) : null}
        </Box>
        <Badge
          variant={outcome === 'won' ? 'filled' : 'light'}
          color={outcome === 'won' ? 'teal.9' : outcome === 'lost' ? 'red' : 'blue'}
          w={140}
        >
          {props.stageName}
        </Badge>
        <Text size="sm" ff="monospace" w={150} ta="right">
          {dealAmount(d, i18n.language)}
        </Text>
        <Text size="sm" w={100} c="dimmed">
          {d.expectedClose ? formatDay(d.expectedClose, i18n.language, 'numeric') : '—'}
        </Text>
        <PersonBadge name={d.ownerName} width={160} tooltip="title" />
      </Group>
    </UnstyledButton>
  );
  return (
    <Group
      role="listitem"
      data-testid="deal-row"
      gap={0}
      wrap="nowrap"
      style={{
        ...virtualRowStyle(props.top, props.height, 'edges'),
        borderBottom: '1px solid var(--mantine-color-gray-3)',
      }}
    >
      {props.checked !== undefined && onToggle ? (
        <Checkbox
          aria-label={t('deals.choose', { title: d.title })}
          checked={props.checked}
          // The click carries Shift (a range); the change event does not.
          onChange={() => undefined}
          onClick={event => onToggle(d.id, event.shiftKey)}
          pl={8}
        />
      ) : null}
      {content}
    </Group>
  );
});
