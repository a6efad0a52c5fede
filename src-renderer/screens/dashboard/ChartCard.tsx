/**
 * One dashboard chart: a titled card, the chart itself (hidden from screen readers) and a visually
 * hidden table of the same numbers, or a calm empty state when there is nothing to draw.
 */
import { Card, Stack, Text, Title, VisuallyHidden } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/** A table of the chart's numbers: header cells and rows of already formatted text. */
export interface ChartTable {
  head: string[];
  rows: string[][];
}

/** The card. `state` decides what shows: the chart, "no data yet" or "no access". */
export function ChartCard({
  id,
  title,
  hint,
  state,
  table,
  controls,
  after,
  children,
}: {
  id: string;
  title: string;
  hint: string;
  state: 'chart' | 'empty' | 'no_access';
  table: ChartTable;
  controls?: ReactNode;
  /** Shown under the chart (links to the records behind it). */
  after?: ReactNode;
  children: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <Card withBorder padding="md" radius="md" component="section" aria-labelledby={`${id}-title`}>
      <Stack gap="xs">
        <Title order={2} size="h5" id={`${id}-title`}>
          {title}
        </Title>
        <Text size="sm" c="dimmed">
          {hint}
        </Text>
        {state === 'chart' ? (
          <>
            {controls}
            <div
              aria-hidden="true"
              data-testid={`${id}-chart`}
              style={{ width: '100%', height: 260 }}
            >
              {children}
            </div>
            {after}
            <VisuallyHidden>
              <table data-testid={`${id}-table`}>
                <caption>{title}</caption>
                <thead>
                  <tr>
                    {table.head.map(h => (
                      <th key={h} scope="col">
                        {h}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {table.rows.map(row => (
                    <tr key={row.join('|')}>
                      {row.map((cell, i) =>
                        i === 0 ? (
                          <th key={i} scope="row">
                            {cell}
                          </th>
                        ) : (
                          <td key={i}>{cell}</td>
                        ),
                      )}
                    </tr>
                  ))}
                </tbody>
              </table>
            </VisuallyHidden>
          </>
        ) : (
          <Text size="sm" py="xl" ta="center" c="dimmed" data-testid={`${id}-empty`}>
            {state === 'empty' ? t('dashboard.noData') : t('dashboard.noAccess')}
          </Text>
        )}
      </Stack>
    </Card>
  );
}
