/**
 * One row of the deal list (./DealList.tsx), memoised: the list re-renders on every scroll frame
 * (its virtualizer lives there), the rows on screen do not — every prop is a value that stays the
 * same while the list scrolls (the deal, its place, the stage's name and outcome, the shared
 * `onOpen`, `onToggle`). Issue 19 point 5. With bulk actions, a box before the row chooses it
 * (issue 18 point 6): a real checkbox beside the row's button, not inside it. Plain elements with
 * the classes of components/records/record-row.css (Mantine's look, no component per element).
 */
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CustomField } from '../../../src-shared/custom-fields';
import type { DealSummary, StageOutcome } from '../../../src-shared/deals';
import { RowOwner } from '../../components/records/RecordListbox';
import { formatDay } from '../../components/records/format';
import { customListDetails } from '../../components/records/list-custom-fields';
import '../../components/records/record-row.css';
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
  return (
    <div
      role="listitem"
      data-testid="deal-row"
      className="zk-deal-row"
      style={{ height: props.height, transform: `translateY(${props.top}px)` }}
    >
      {props.checked !== undefined && onToggle ? (
        <input
          type="checkbox"
          className="zk-deal-row__box"
          aria-label={t('deals.choose', { title: d.title })}
          checked={props.checked}
          // The click carries Shift (a range); the change event does not.
          onChange={() => undefined}
          onClick={event => onToggle(d.id, event.shiftKey)}
        />
      ) : null}
      <button type="button" className="zk-deal-row__open" onClick={() => onOpen(d.id)}>
        <span className="zk-deal-row__text">
          <span className="zk-deal-row__title">{d.title}</span>
          <span className="zk-deal-row__line">
            {[d.contactName, d.companyName].filter(Boolean).join(' · ') || t('deals.noContact')}
          </span>
          {custom !== null ? (
            <span className="zk-deal-row__line" title={custom} data-testid="deal-row-custom">
              {custom}
            </span>
          ) : null}
        </span>
        <span className="zk-badge zk-deal-row__stage" data-outcome={outcome ?? 'open'}>
          {props.stageName}
        </span>
        <span className="zk-deal-row__amount" data-testid="deal-row-amount">
          {dealAmount(d, i18n.language)}
        </span>
        <span className="zk-deal-row__date">
          {d.expectedClose ? formatDay(d.expectedClose, i18n.language, 'numeric') : '—'}
        </span>
        <RowOwner name={d.ownerName} width={160} />
      </button>
    </div>
  );
});
