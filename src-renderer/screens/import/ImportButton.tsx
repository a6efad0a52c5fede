/** «Імпорт» on the contacts and companies lists: opens the wizard (`#/<section>/import`). */
import { Button } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportKind } from '../../../src-shared/import';
import { grantOf } from '../../../src-shared/roles';
import type { RecordView } from '../../components/records/paged-list';
import { useSessionStore } from '../../stores/session';

/** The button, for roles holding `<type>.import` (main checks again). */
export function ImportButton(props: { type: ImportKind; setView: (view: RecordView) => void }) {
  const { t } = useTranslation();
  const grants = useSessionStore(state => state.user?.grants);
  if (grantOf(grants ?? {}, `${props.type}.import`) === undefined) return null;
  return (
    <Button variant="default" onClick={() => props.setView({ kind: 'import' })}>
      {t('importer.button')}
    </Button>
  );
}
