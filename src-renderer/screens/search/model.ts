/**
 * The search box's pure logic: the result groups flattened into one keyboard-navigable list, and
 * which record a hit opens.
 */
import {
  SEARCH_GROUPS,
  type SearchGroup,
  type SearchHit,
  type SearchResult,
} from '../../../src-shared/ipc/search';

/** One line of the results, with its place in the flat list. */
export interface ResultLine {
  group: SearchGroup;
  hit: SearchHit;
  index: number;
}

/** The non-empty groups in display order, each with its lines numbered across all groups. */
export function resultLines(result: SearchResult): { group: SearchGroup; lines: ResultLine[] }[] {
  let index = 0;
  const out: { group: SearchGroup; lines: ResultLine[] }[] = [];
  for (const group of SEARCH_GROUPS) {
    const hits = result[group] ?? [];
    if (hits.length === 0) continue;
    out.push({ group, lines: hits.map(hit => ({ group, hit, index: index++ })) });
  }
  return out;
}

/** The next active line for an arrow key (wraps around); -1 when there are no lines. */
export function moveActive(active: number, count: number, key: 'ArrowDown' | 'ArrowUp'): number {
  if (count === 0) return -1;
  if (active < 0) return key === 'ArrowDown' ? 0 : count - 1;
  return key === 'ArrowDown' ? (active + 1) % count : (active - 1 + count) % count;
}

/** The record to open for a hit: the record itself, or an activity's contact/company/deal. */
export function targetOf(line: ResultLine): { type: 'contact' | 'company' | 'deal'; id: string } {
  switch (line.group) {
    case 'contacts':
      return { type: 'contact', id: line.hit.id };
    case 'companies':
      return { type: 'company', id: line.hit.id };
    case 'deals':
      return { type: 'deal', id: line.hit.id };
    case 'activities':
      return line.hit.record ?? { type: 'contact', id: line.hit.id };
  }
}
