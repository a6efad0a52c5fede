import { describe, expect, it } from 'vitest';
import { moveActive, resultLines, targetOf } from './model';

const hit = (id: string) => ({ id, title: id, subtitle: null });

describe('search results model', () => {
  it('lists non-empty groups in display order, numbered across groups', () => {
    const groups = resultLines({
      deals: [hit('d1')],
      contacts: [hit('c1'), hit('c2')],
      companies: [],
    });
    expect(groups.map(g => g.group)).toEqual(['contacts', 'deals']);
    expect(groups.flatMap(g => g.lines.map(l => [l.hit.id, l.index]))).toEqual([
      ['c1', 0],
      ['c2', 1],
      ['d1', 2],
    ]);
  });

  it('moves with the arrows and wraps around', () => {
    expect(moveActive(-1, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(-1, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(2, 3, 'ArrowDown')).toBe(0);
    expect(moveActive(0, 3, 'ArrowUp')).toBe(2);
    expect(moveActive(0, 0, 'ArrowDown')).toBe(-1);
  });

  it("opens an activity's record", () => {
    const line = {
      group: 'activities' as const,
      hit: { ...hit('a1'), record: { type: 'company' as const, id: 'co1' } },
      index: 0,
    };
    expect(targetOf(line)).toEqual({ type: 'company', id: 'co1' });
    expect(targetOf({ group: 'contacts', hit: hit('c1'), index: 0 })).toEqual({
      type: 'contact',
      id: 'c1',
    });
  });
});
