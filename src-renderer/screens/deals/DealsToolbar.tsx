/**
 * The deals section's header: title, board/list switch, pipeline selector, the pipelines menu
 * (new pipeline, rename this one) and stage settings for `pipelines.manage` holders, "Import" for
 * `deals.import` holders, and "New deal".
 */
import { Button, Group, Kbd, Menu, SegmentedControl, Select, Title, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Pipeline } from '../../../src-shared/deals';
import { RecordExportButton } from '../../components/records/RecordExportButton';
import type { DealsHome } from './store';

/** The header row. */
export function DealsToolbar({
  home,
  pipelines,
  pipeline,
  canManage,
  canCreate,
  canExport,
  canImport,
  onHome,
  onPipeline,
  onCreatePipeline,
  onRenamePipeline,
  onSettings,
  onNewDeal,
  onImport,
}: {
  home: DealsHome;
  pipelines: readonly Pipeline[];
  pipeline: Pipeline;
  canManage: boolean;
  canCreate: boolean;
  /** contacts.export and deals.read: the list's "Export". */
  canExport: boolean;
  /** deals.import: the import wizard (main checks again). */
  canImport: boolean;
  onHome: (home: DealsHome) => void;
  onPipeline: (id: string) => void;
  onCreatePipeline: () => void;
  onRenamePipeline: () => void;
  onSettings: () => void;
  onNewDeal: () => void;
  onImport: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Group justify="space-between">
      <Group>
        <Title order={1}>{t('deals.title')}</Title>
        <SegmentedControl
          value={home}
          onChange={v => onHome(v === 'list' ? 'list' : 'board')}
          data={[
            { value: 'board', label: t('deals.board') },
            { value: 'list', label: t('deals.list') },
          ]}
        />
        {pipelines.length > 1 ? (
          <Select
            aria-label={t('deals.pipeline')}
            data={pipelines.map(p => ({ value: p.id, label: p.name }))}
            value={pipeline.id}
            onChange={v => v && onPipeline(v)}
            allowDeselect={false}
            w={200}
          />
        ) : null}
      </Group>
      <Group>
        {canExport ? <RecordExportButton type="deals" /> : null}
        {canImport ? (
          <Button variant="default" onClick={onImport}>
            {t('importer.button')}
          </Button>
        ) : null}
        {canManage ? (
          <>
            <Menu position="bottom-end" withinPortal>
              <Menu.Target>
                <Button variant="default">{t('deals.pipelines.menu')}</Button>
              </Menu.Target>
              <Menu.Dropdown>
                <Menu.Item onClick={onCreatePipeline}>{t('deals.pipelines.create')}</Menu.Item>
                <Menu.Item onClick={onRenamePipeline}>
                  {t('deals.pipelines.rename', { name: pipeline.name })}
                </Menu.Item>
              </Menu.Dropdown>
            </Menu>
            <Button variant="default" onClick={onSettings}>
              {t('deals.settings.open')}
            </Button>
          </>
        ) : null}
        {canCreate ? (
          <Tooltip label={<Kbd>{t('deals.newHint')}</Kbd>}>
            <Button onClick={onNewDeal}>{t('deals.new')}</Button>
          </Tooltip>
        ) : null}
      </Group>
    </Group>
  );
}
