/**
 * Step 3: the dry run. Counts of new / updated / unchanged / duplicate / refused rows; each row not
 * imported with its reason; new rows whose name is alike a record the importer may read
 * ("можливо, той самий клієнт": a suggestion only); a refused row's cells open for fixing in place (the cells the issue
 * points at first) or the row is left out. "Check again" plans the file anew with the edits.
 */
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  List,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { importProblemText, importWarningText } from '../../../src-shared/import';
import type { ImportProblem, ImportRunResult } from '../../../src-shared/ipc/imports';
import { Counts } from './Counts';
import { issueColumns, type RowEdit } from './wizard-model';

/** The dry run's answer and the row fixes. */
export function CheckStep(props: {
  result: ImportRunResult;
  headers: readonly string[];
  columns: readonly (string | null)[];
  edits: ReadonlyMap<number, RowEdit>;
  busy: boolean;
  onEdit: (row: number, edit: RowEdit | undefined) => void;
  onRecheck: () => void;
  onNext: () => void;
  /** Deals: whether duplicates are imported all the same. */
  duplicates?: { on: boolean; onChange: (on: boolean) => void };
}) {
  const { t, i18n } = useTranslation();
  const locale = i18n.language === 'en' ? 'en' : 'uk';
  const { result, edits } = props;
  const dropped = [...edits].filter(([, edit]) => edit === null).map(([row]) => row);
  const edited = [...edits].some(([, edit]) => edit !== null);
  return (
    <Stack gap="md">
      <Text>{t('importer.check.intro')}</Text>
      <Counts counts={result.counts} />
      {props.duplicates ? (
        <Checkbox
          label={t('importer.check.importDuplicates')}
          checked={props.duplicates.on}
          disabled={props.busy}
          onChange={event => props.duplicates?.onChange(event.currentTarget.checked)}
        />
      ) : null}
      {result.warnings && result.warnings.length > 0 ? (
        // The heading as plain text: the alert's own yellow title is below axe's contrast.
        <Alert color="yellow" variant="light" role="status">
          <Text fw={600} size="sm" mb={4}>
            {t('importer.check.warningsTitle')}
          </Text>
          <List size="sm">
            {result.warnings.map(w => (
              <List.Item key={`warning-${w.row}-${w.code}`}>
                {t('importer.check.row', { row: w.row })}: {importWarningText(locale, w.code)}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {result.problems.length > 0 || dropped.length > 0 ? (
        <Title order={2} size="h4">
          {t('importer.check.problems')}
        </Title>
      ) : null}
      {result.problems.map(problem => (
        <ProblemCard
          key={`${problem.row}-${problem.kind}`}
          problem={problem}
          text={importProblemText(locale, problem)}
          cells={edits.get(problem.row) ?? result.rowCells?.[problem.row]}
          headers={props.headers}
          columns={props.columns}
          onEdit={edit => props.onEdit(problem.row, edit)}
        />
      ))}
      {dropped.map(row => (
        <Group key={`dropped-${row}`} gap="sm">
          <Text size="sm">{t('importer.check.dropped', { row })}</Text>
          <Button size="xs" variant="subtle" onClick={() => props.onEdit(row, undefined)}>
            {t('importer.check.restore')}
          </Button>
        </Group>
      ))}
      {result.nameSuggestions && result.nameSuggestions.length > 0 ? (
        <Alert color="blue" variant="light" title={t('importer.check.similarTitle')}>
          <Text size="sm">{t('importer.check.similarIntro')}</Text>
          <List size="sm">
            {result.nameSuggestions.map(s => (
              <List.Item key={`similar-${s.row}`}>
                {'sameAsRow' in s
                  ? t('importer.check.similarRow', { row: s.row, other: s.sameAsRow, name: s.name })
                  : t('importer.check.similar', { row: s.row, name: s.name })}
              </List.Item>
            ))}
          </List>
        </Alert>
      ) : null}
      {result.problemsTruncated ? (
        <Alert color="yellow" variant="light">
          {t('importer.check.more', { count: result.problems.length })}
        </Alert>
      ) : null}
      <Group>
        {edited || dropped.length > 0 ? (
          <Button variant="default" onClick={props.onRecheck} loading={props.busy}>
            {t('importer.check.recheck')}
          </Button>
        ) : null}
        <Button onClick={props.onNext} disabled={props.busy}>
          {t('importer.check.next')}
        </Button>
      </Group>
    </Stack>
  );
}

/** One row not imported: the reason; for a refused row with known cells, the fields to fix. */
function ProblemCard(props: {
  problem: ImportProblem;
  text: string;
  cells: readonly string[] | null | undefined;
  headers: readonly string[];
  columns: readonly (string | null)[];
  onEdit: (edit: RowEdit) => void;
}) {
  const { t } = useTranslation();
  const { problem, cells } = props;
  const fixable = problem.kind === 'error' && cells;
  const marked =
    problem.kind === 'error'
      ? issueColumns(
          props.columns,
          problem.issues.map(i => i.field),
        )
      : new Set<number>();
  // The columns the issue points at, else every mapped column.
  const shown = props.headers
    .map((_, index) => index)
    .filter(index => (marked.size > 0 ? marked.has(index) : props.columns[index] !== null));
  return (
    <Card withBorder padding="sm" data-row={problem.row}>
      <Group justify="space-between" align="flex-start">
        <Stack gap={4}>
          <Text fw={600}>{t('importer.check.row', { row: problem.row })}</Text>
          <Text size="sm" c={problem.kind === 'error' ? 'red.8' : undefined}>
            {props.text}
          </Text>
        </Stack>
        {problem.kind === 'error' ? (
          <Button size="xs" variant="default" onClick={() => props.onEdit(null)}>
            {t('importer.check.drop')}
          </Button>
        ) : null}
      </Group>
      {fixable ? (
        <Group
          mt="xs"
          gap="sm"
          role="group"
          aria-label={t('importer.check.fix', { row: problem.row })}
        >
          {shown.map(index => (
            <TextInput
              key={index}
              label={props.headers[index]}
              value={cells[index] ?? ''}
              error={marked.has(index)}
              onChange={event => {
                const next = [...cells];
                next[index] = event.currentTarget.value;
                props.onEdit(next);
              }}
              w={240}
            />
          ))}
        </Group>
      ) : null}
    </Card>
  );
}
