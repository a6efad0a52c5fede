import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateSchema, SCHEMA_FILE } from './schema-gen';

describe('schema.ts', () => {
  it('matches a vault migrated from scratch (else run `npm run gen:schema`)', () => {
    const committed = readFileSync(SCHEMA_FILE, 'utf8');
    const fresh = generateSchema();
    expect(fresh.length).toBeGreaterThan(0);
    if (committed !== fresh) {
      expect.fail(
        'src-main/vault/schema.ts is stale: the migrations changed. Run `npm run gen:schema` and commit it.',
      );
    }
  });

  it('types checked text columns as their allowed values and lists FTS tables, not their shadows', () => {
    const fresh = generateSchema();
    expect(fresh).toContain("status: 'active' | 'dismissed';");
    expect(fresh).toContain("currency: 'UAH' | 'USD' | 'EUR' | 'PLN';");
    expect(fresh).toContain('search_text_contacts: SearchTextContactsTable;');
    expect(fresh).not.toContain('search_text_contacts_data');
  });
});
