import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newRecordId } from './record-id';

describe('newRecordId', () => {
  it('makes valid, unique UUIDv7 ids that sort in creation order', () => {
    const ids = Array.from({ length: 5000 }, () => newRecordId());
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids.slice(0, 50)) {
      expect(z.uuid().safeParse(id).success).toBe(true);
      expect(id[14]).toBe('7');
    }
  });

  it('carries its creation time, as documented', () => {
    const before = Date.now();
    const id = newRecordId();
    const ms = Number.parseInt(id.replace(/-/g, '').slice(0, 12), 16);
    expect(ms).toBeGreaterThanOrEqual(before);
    expect(ms).toBeLessThanOrEqual(Date.now());
  });
});
