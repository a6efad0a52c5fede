/**
 * The four dashboard charts (recharts), each with the same numbers as a hidden table. Bars for the
 * pipeline (one currency at a time: sums in different currencies do not add up), grouped bars for
 * won/lost, bars per person for activities, a line for new contacts.
 */
import { SegmentedControl } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Legend,
  Line,
  LineChart,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import type { Currency } from '../../../src-shared/deals';
import type { Dashboard } from '../../../src-shared/ipc/analytics';
import { ChartCard } from './ChartCard';
import { OpenListButtons } from './OpenListButtons';
import { formatAxisMoney, formatCount, formatMoney, monthLabel } from './format';

const COLORS = { main: '#228be6', won: '#2f9e44', lost: '#e03131', line: '#0c8599' } as const;

/** Every bar: drawn at once (no animation), never wider than this. */
const BAR = { isAnimationActive: false, maxBarSize: 72 } as const;

/** Monthly rows with a short axis label and the full month name (tooltip, table). */
function monthRows<T extends { month: string }>(data: T[] | null, language: string) {
  return (data ?? []).map(r => ({
    ...r,
    label: monthLabel(r.month, language, 'short'),
    name: monthLabel(r.month, language),
  }));
}

function stateOf<T>(rows: T[] | null, hasData: (rows: T[]) => boolean) {
  if (rows === null) return 'no_access' as const;
  return hasData(rows) ? ('chart' as const) : ('empty' as const);
}

/**
 * Open pipeline value per stage, for the chosen currency. A bar, or the stage's button under the
 * chart (the keyboard's way), opens the deal list filtered by that stage (`onStage`).
 */
export function PipelineChart({
  data,
  onStage,
}: {
  data: Dashboard['pipeline'];
  onStage: (pipelineId: string, stageId: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const rows = data ?? [];
  const currencies = [...new Set(rows.map(r => r.currency))];
  const [picked, setPicked] = useState<Currency | null>(null);
  const currency = picked !== null && currencies.includes(picked) ? picked : currencies[0];
  const manyPipelines = new Set(rows.map(r => r.pipelineId)).size > 1;
  const label = (r: (typeof rows)[number]) =>
    manyPipelines ? `${r.pipelineName} · ${r.stageName}` : r.stageName;
  const shown = rows
    .filter(r => r.currency === currency)
    .map(r => ({
      stage: label(r),
      amount: r.amountMinor,
      deals: r.deals,
      pipelineId: r.pipelineId,
      stageId: r.stageId,
    }));
  return (
    <ChartCard
      id="pipeline"
      title={t('dashboard.pipeline.title')}
      hint={t('dashboard.pipeline.hint')}
      state={stateOf(data, r => r.length > 0)}
      table={{
        head: [
          t('dashboard.pipeline.stage'),
          t('dashboard.pipeline.deals'),
          t('dashboard.pipeline.amount'),
        ],
        rows: rows.map(r => [
          label(r),
          formatCount(r.deals, language),
          formatMoney(r.amountMinor, r.currency, language),
        ]),
      }}
      after={
        <OpenListButtons
          label={t('dashboard.pipeline.openList')}
          items={shown.map(r => ({
            key: `${r.pipelineId}/${r.stageId}`,
            text: `${r.stage} · ${formatCount(r.deals, language)}`,
            open: () => onStage(r.pipelineId, r.stageId),
          }))}
        />
      }
      controls={
        currencies.length > 1 ? (
          <SegmentedControl
            size="xs"
            aria-label={t('dashboard.currency')}
            value={currency ?? ''}
            onChange={v => setPicked(v as Currency)}
            data={currencies}
          />
        ) : null
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer={false}
          data={shown}
          margin={{ top: 8, right: 8, left: 8, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="stage" />
          <YAxis tickFormatter={v => formatAxisMoney(Number(v), language)} width={64} />
          <Tooltip
            formatter={value => formatMoney(Number(value), currency ?? 'UAH', language)}
            labelFormatter={l => String(l)}
          />
          <Bar
            {...BAR}
            dataKey="amount"
            name={t('dashboard.pipeline.amount')}
            fill={COLORS.main}
            cursor="pointer"
            onClick={(bar: { payload?: { pipelineId?: string; stageId?: string } }) => {
              const { pipelineId, stageId } = bar.payload ?? {};
              if (pipelineId && stageId) onStage(pipelineId, stageId);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/**
 * Won and lost deals per month, side by side. A bar, or the month's button under the chart (the
 * keyboard's way), opens the deal list filtered to the deals won (lost) that month (`onMonth`).
 */
export function WonLostChart({
  data,
  onMonth,
}: {
  data: Dashboard['wonLost'];
  onMonth: (outcome: 'won' | 'lost', month: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const rows = monthRows(data, i18n.language);
  const onBar = (outcome: 'won' | 'lost') => (bar: { payload?: { month?: string } }) => {
    const month = bar.payload?.month;
    const row = rows.find(r => r.month === month);
    if (row && row[outcome] > 0) onMonth(outcome, row.month);
  };
  const buttons = rows.flatMap(r =>
    (['won', 'lost'] as const)
      .filter(outcome => r[outcome] > 0)
      .map(outcome => ({ month: r.month, outcome, name: r.name, count: r[outcome] })),
  );
  return (
    <ChartCard
      id="won-lost"
      title={t('dashboard.wonLost.title')}
      hint={t('dashboard.wonLost.hint')}
      state={stateOf(data, r => r.some(m => m.won + m.lost > 0))}
      table={{
        head: [
          t('dashboard.wonLost.month'),
          t('dashboard.wonLost.won'),
          t('dashboard.wonLost.lost'),
        ],
        rows: rows.map(r => [
          r.name,
          formatCount(r.won, i18n.language),
          formatCount(r.lost, i18n.language),
        ]),
      }}
      after={
        <OpenListButtons
          label={t('dashboard.wonLost.openList')}
          items={buttons.map(b => ({
            key: `${b.month}/${b.outcome}`,
            text: t(`dashboard.wonLost.${b.outcome}Button`, {
              month: b.name,
              n: formatCount(b.count, i18n.language),
            }),
            open: () => onMonth(b.outcome, b.month),
          }))}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer={false}
          data={rows}
          margin={{ top: 8, right: 8, left: 0, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip labelFormatter={(_l, p) => String(p[0]?.payload?.name ?? '')} />
          <Legend />
          <Bar
            {...BAR}
            dataKey="won"
            name={t('dashboard.wonLost.won')}
            fill={COLORS.won}
            cursor="pointer"
            onClick={onBar('won')}
          />
          <Bar
            {...BAR}
            dataKey="lost"
            name={t('dashboard.wonLost.lost')}
            fill={COLORS.lost}
            cursor="pointer"
            onClick={onBar('lost')}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/**
 * Activities per person over the last 30 days. A bar, or the person's button under the chart (the
 * keyboard's way), opens that person's activities of the window (`onPerson`).
 */
export function ActivitiesChart({
  data,
  since,
  onPerson,
}: {
  data: Dashboard['activities'];
  since: string;
  onPerson: (userId: string, name: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const sinceText = new Intl.DateTimeFormat(i18n.language === 'en' ? 'en-GB' : 'uk-UA', {
    dateStyle: 'long',
  }).format(new Date(since));
  const rows = data ?? [];
  return (
    <ChartCard
      id="activities"
      title={t('dashboard.activities.title')}
      hint={t('dashboard.activities.hint', { since: sinceText })}
      state={stateOf(data, r => r.length > 0)}
      table={{
        head: [t('dashboard.activities.person'), t('dashboard.activities.count')],
        rows: rows.map(r => [r.displayName, formatCount(r.activities, i18n.language)]),
      }}
      after={
        <OpenListButtons
          label={t('dashboard.activities.openList')}
          items={rows.map(r => ({
            key: r.userId,
            text: `${r.displayName} · ${formatCount(r.activities, i18n.language)}`,
            open: () => onPerson(r.userId, r.displayName),
          }))}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart
          accessibilityLayer={false}
          data={rows}
          margin={{ top: 8, right: 8, left: 0, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="displayName" />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip />
          <Bar
            {...BAR}
            dataKey="activities"
            name={t('dashboard.activities.count')}
            fill={COLORS.main}
            cursor="pointer"
            onClick={(bar: { payload?: { userId?: string; displayName?: string } }) => {
              const { userId, displayName } = bar.payload ?? {};
              if (userId) onPerson(userId, displayName ?? '');
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}

/**
 * New contacts per month, as a line. A point, or the month's button under the chart (the
 * keyboard's way), opens the contacts list filtered to that month's new contacts (`onMonth`).
 */
export function NewContactsChart({
  data,
  onMonth,
}: {
  data: Dashboard['newContacts'];
  onMonth: (month: string) => void;
}) {
  const { t, i18n } = useTranslation();
  const rows = monthRows(data, i18n.language);
  return (
    <ChartCard
      id="contacts"
      title={t('dashboard.contacts.title')}
      hint={t('dashboard.contacts.hint')}
      state={stateOf(data, r => r.some(m => m.count > 0))}
      table={{
        head: [t('dashboard.contacts.month'), t('dashboard.contacts.count')],
        rows: rows.map(r => [r.name, formatCount(r.count, i18n.language)]),
      }}
      after={
        <OpenListButtons
          label={t('dashboard.contacts.openList')}
          items={rows
            .filter(r => r.count > 0)
            .map(r => ({
              key: r.month,
              text: `${r.name} · ${formatCount(r.count, i18n.language)}`,
              open: () => onMonth(r.month),
            }))}
        />
      }
    >
      <ResponsiveContainer width="100%" height="100%">
        <LineChart
          accessibilityLayer={false}
          data={rows}
          style={{ cursor: 'pointer' }}
          onClick={state => {
            const index = Number(state.activeTooltipIndex);
            const row = Number.isInteger(index) ? rows[index] : undefined;
            if (row && row.count > 0) onMonth(row.month);
          }}
          margin={{ top: 8, right: 16, left: 0, bottom: 8 }}
        >
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" />
          <YAxis allowDecimals={false} width={40} />
          <Tooltip labelFormatter={(_l, p) => String(p[0]?.payload?.name ?? '')} />
          <Line
            isAnimationActive={false}
            type="monotone"
            dataKey="count"
            name={t('dashboard.contacts.count')}
            stroke={COLORS.line}
            strokeWidth={2}
          />
        </LineChart>
      </ResponsiveContainer>
    </ChartCard>
  );
}
