/**
 * Custom fields in list rows (migration 0041): the fields the owner marked "show in list" and
 * their values as the row's secondary text (`Label: value`). Main sends only those values with a
 * list page (src-main/crm/custom-fields/list-values.ts).
 */
import { useMemo } from 'react';
import type { TFunction } from 'i18next';
import type {
  CustomField,
  CustomRecordType,
  CustomValues,
} from '../../../src-shared/custom-fields';
import { useApi } from '../../app/api';
import { useLoaded } from '../useLoaded';
import { customValueText } from './CustomFieldsView';

const NONE: readonly CustomField[] = [];

/**
 * The record type's live fields shown in its list, in form order. The array stays the same object
 * until the fields are loaded again, so a row renderer depending on it stays stable while scrolling.
 */
export function useListFields(recordType: CustomRecordType): readonly CustomField[] {
  const api = useApi();
  const loaded = useLoaded(() => api.fields.list({ recordType }));
  const { value } = loaded;
  return useMemo(() => {
    const shown = (value ?? []).filter(f => f.showInList === true);
    return shown.length === 0 ? NONE : shown;
  }, [value]);
}

/** A row's shown values as `Label: value` texts, in the fields' order (absent values left out). */
export function customListDetails(
  fields: readonly CustomField[],
  values: CustomValues | undefined,
  t: TFunction,
  language: string,
): string[] {
  if (fields.length === 0 || values === undefined) return [];
  return fields.flatMap(field => {
    const value = values[field.id];
    return value === undefined
      ? []
      : [`${field.label}: ${customValueText(field, value, key => t(key), language)}`];
  });
}
