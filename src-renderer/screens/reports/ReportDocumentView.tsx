/**
 * A {@link ReportDocument} on screen: headings, paragraphs, lists and tables, inside the area the
 * print stylesheet keeps (everything else on the page is hidden when printing).
 */
import { Box, List, Stack, Table, Text, Title } from '@mantine/core';
import type { ReportDocument } from '../../../src-shared/reports/document';
import './reports.css';

/** Shows the document. */
export function ReportDocumentView({ doc }: { doc: ReportDocument }) {
  return (
    <Stack gap="md" className="zamok-print-report" lang={doc.lang} component="article">
      <Stack gap={4}>
        <Title order={2} size="h3">
          {doc.title}
        </Title>
        {doc.subtitle.map(line => (
          <Text key={line} size="sm" c="dimmed">
            {line}
          </Text>
        ))}
      </Stack>
      {doc.sections.map((section, i) => (
        <Stack key={`${i}-${section.heading}`} gap="xs" component="section">
          {section.heading ? (
            <Title order={3} size="h4">
              {section.heading}
            </Title>
          ) : null}
          {(section.paragraphs ?? []).map(p => (
            <Text key={p} size="sm">
              {p}
            </Text>
          ))}
          {section.bullets && section.bullets.length > 0 ? (
            <List size="sm" spacing={4}>
              {section.bullets.map(b => (
                <List.Item key={b}>{b}</List.Item>
              ))}
            </List>
          ) : null}
          {section.table ? (
            // A focusable region: wide tables scroll sideways, also from the keyboard.
            <Box
              tabIndex={0}
              role="region"
              aria-label={section.heading || doc.title}
              style={{ overflowX: 'auto' }}
            >
              <Table
                className="zamok-report-table"
                striped
                withTableBorder
                fz="xs"
                aria-label={section.heading || doc.title}
              >
                <Table.Thead>
                  <Table.Tr>
                    {section.table.columns.map(c => (
                      <Table.Th key={c}>{c}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {section.table.rows.map((row, r) => (
                    <Table.Tr key={r}>
                      {row.map((cell, c) => (
                        <Table.Td key={c}>{cell}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Box>
          ) : null}
        </Stack>
      ))}
    </Stack>
  );
}
