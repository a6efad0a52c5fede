/**
 * The contact list screen: a record list page (components/records) with the contacts' own filters
 * (tag, owner), the import and export buttons, and rows showing company, phone, tags and owner.
 */
import { Autocomplete, Group } from '@mantine/core';
import { useCallback, useMemo, type CSSProperties } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../src-shared/contacts';
import { OwnerFilter } from '../../components/OwnerFilter';
import { CustomFieldFilter } from '../../components/records/CustomFieldFilter';
import { customListDetails, useListFields } from '../../components/records/list-custom-fields';
import { RecordRowContent, RowEnd, RowOwner } from '../../components/records/RecordListbox';
import { BulkBar } from '../../components/records/BulkBar';
import { RecordList } from '../../components/records/RecordListPage';
import { memoByItem, rowDetail } from '../../components/records/row-texts';
import type { RecordListProps } from '../../components/records/RecordScreen';
import { useDebouncedQueryField } from '../../components/records/RecordToolbar';
import { ImportButton } from '../import/ImportButton';
import { ExportButton } from './ExportButton';
import { formatPhone, fullName } from './format';
import type { ContactAbilities } from './permissions';
import { ContactViewFilters } from './ContactViewFilters';
import { contactsList, isFiltered, useContactsStore } from './store';

const NAMES = { ns: 'contacts', row: 'contact' } as const;

/** The list screen: toolbar (with tag and owner filters, export), rows, empty and error states. */
export function ContactList(props: RecordListProps<ContactAbilities>) {
  const { abilities } = props;
  const query = useContactsStore(state => state.query);
  const setView = useContactsStore(state => state.setView);
  const filtered = isFiltered(query);
  const listFields = useListFields('contact');
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  // Each contact's texts once per record, shown fields and language (not at every row render).
  const texts = useMemo(
    () =>
      memoByItem((item: ContactSummary) => ({
        title: fullName(item),
        detail: rowDetail(
          [
            item.companyName,
            item.phone ? formatPhone(item.phone) : null,
            ...customListDetails(listFields, item.custom, t, language),
          ],
          t('contacts.none'),
        ),
      })),
    [listFields, t, language],
  );
  const deletedLabel = t('contacts.list.deleted');
  // Stable across renders, so the memoised rows (RecordListRow) are not rendered again.
  const renderRow = useCallback(
    (item: ContactSummary) => (
      <ContactRow
        item={item}
        texts={texts(item)}
        deletedLabel={deletedLabel}
        showOwner={abilities.wideScope}
      />
    ),
    [abilities.wideScope, texts, deletedLabel],
  );
  return (
    <RecordList
      {...props}
      list={contactsList}
      names={NAMES}
      filtered={filtered}
      filters={<ContactFilters wideScope={abilities.wideScope} />}
      end={
        <Group ml="auto">
          <ImportButton type="contacts" setView={setView} />
          {abilities.export ? <ExportButton /> : null}
        </Group>
      }
      bulk={
        abilities.reassign || abilities.delete || abilities.update || abilities.export ? (
          <BulkBar
            list={contactsList}
            type="contacts"
            abilities={{
              reassign: abilities.reassign,
              delete: abilities.delete,
              tag: abilities.update,
              export: abilities.export,
            }}
          />
        ) : null
      }
      rowStyle={contactRowStyle}
      renderRow={renderRow}
    />
  );
}

/** A deleted contact's row is dimmed. */
function contactRowStyle(item: ContactSummary): CSSProperties {
  return item.deletedAt ? DELETED_ROW : LIVE_ROW;
}

const DELETED_ROW: CSSProperties = { opacity: 0.7 };
const LIVE_ROW: CSSProperties = {};

/** The tag box (offering the loaded rows' tags) and, for wide scopes, the owner filter. */
function ContactFilters({ wideScope }: { wideScope: boolean }) {
  const { t } = useTranslation();
  const items = useContactsStore(state => state.items);
  const ownerId = useContactsStore(state => state.query.ownerId);
  const custom = useContactsStore(state => state.query.custom);
  const setQuery = useContactsStore(state => state.setQuery);
  const [tag, setTag] = useDebouncedQueryField(contactsList, 'tag');
  // No channel lists every tag: offer the ones on the loaded rows (typing any tag works too).
  const tags = useMemo(() => [...new Set(items.flatMap(item => item.tags))].sort(), [items]);
  return (
    <>
      <Autocomplete
        label={t('contacts.list.tag')}
        placeholder={t('contacts.list.tagPlaceholder')}
        data={tags}
        value={tag}
        onChange={setTag}
        maxLength={40}
        w={180}
      />
      <CustomFieldFilter
        recordType="contact"
        value={custom}
        onChange={next => setQuery({ custom: next })}
      />
      {wideScope ? (
        <OwnerFilter
          value={ownerId || null}
          onChange={value => setQuery({ ownerId: value ?? '' })}
        />
      ) : null}
      <ContactViewFilters />
    </>
  );
}

/**
 * One row: name, company, phone and the custom fields shown in the list, up to three tags, the
 * owner for wide scopes.
 */
function ContactRow(props: {
  item: ContactSummary;
  texts: { title: string; detail: string };
  deletedLabel: string;
  showOwner: boolean;
}) {
  const { item, showOwner } = props;
  return (
    <RecordRowContent
      title={props.texts.title}
      deleted={item.deletedAt !== null ? props.deletedLabel : null}
      detail={props.texts.detail}
      end={
        <RowEnd tags={item.tags}>{showOwner ? <RowOwner name={item.ownerName} /> : null}</RowEnd>
      }
    />
  );
}
