/** Relative times as a Ukrainian user reads them on the timeline, and the datetime field mapping. */
import { describe, expect, it } from 'vitest';
import { itemLook, localInputToIso, localInputValue, relativeTime } from './format';

const NOW = Date.parse('2026-11-29T09:00:00.000Z');

describe('relativeTime', () => {
  it('reads naturally in Ukrainian and English, past and future', () => {
    expect(relativeTime('2026-11-29T08:55:00.000Z', NOW, 'uk', 'щойно')).toBe('5 хвилин тому');
    expect(relativeTime('2026-11-29T11:00:00.000Z', NOW, 'uk', 'щойно')).toBe('через 2 години');
    expect(relativeTime('2026-11-28T09:00:00.000Z', NOW, 'uk', 'щойно')).toBe('учора');
    expect(relativeTime('2026-11-29T08:59:30.000Z', NOW, 'uk', 'щойно')).toBe('щойно');
    expect(relativeTime('2026-11-29T08:55:00.000Z', NOW, 'en', 'just now')).toBe('5 minutes ago');
  });
});

describe('form fields', () => {
  it('maps a datetime-local value to UTC and back; empty is null', () => {
    const local = localInputValue(new Date(NOW));
    expect(localInputToIso(local)).toBe('2026-11-29T09:00:00.000Z');
    expect(localInputToIso('')).toBeNull();
  });

  it('gives each kind its own symbol', () => {
    const symbols = (['call', 'meeting', 'message', 'email', 'note', 'task'] as const).map(
      kind => itemLook({ source: 'activity', kind }).symbol,
    );
    expect(new Set(symbols).size).toBe(6);
    expect(itemLook({ source: 'deal', kind: null }).symbol).toBe('₴');
  });
});
