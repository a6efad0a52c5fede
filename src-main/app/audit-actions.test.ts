import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../src-shared/ipc';
import { auditActions, DIRECT_AUDIT_ACTIONS } from '../../src-shared/ipc/audit-actions';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return name.endsWith('.ts') && !/\.test(-support)?\.ts$/.test(name) ? [path] : [];
  });
}

describe('audit action registry', () => {
  it('lists every action main writes outside a channel', () => {
    const root = join(import.meta.dirname, '..');
    const written = new Set<string>();
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/\baction: '([a-z_]+\.[a-z_.]+)'/g)) written.add(m[1] ?? '');
    }
    expect(written.size).toBeGreaterThan(5);
    const known = new Set(auditActions(contract));
    expect([...written].filter(action => !known.has(action))).toEqual([]);
  });

  it('names channel calls as the audit wrapper records them', () => {
    const all = auditActions(contract);
    expect(all).toContain('auth.sign_in');
    expect(all).toContain('reports.review_pdf');
    for (const action of DIRECT_AUDIT_ACTIONS) expect(all).toContain(action);
  });
});
