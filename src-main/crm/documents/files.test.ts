/**
 * Document files on disk: leftovers of an upload interrupted by a crash are cleared once they are
 * old, while finished documents and fresh uploads are left alone; shredding removes the file.
 */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeTempDir } from '../../vault/temp-vault.test-support';
import { documentPath, removeStaleStaged, shredFile } from './files';

describe('document files', () => {
  it('clears old temp files of unfinished uploads only', async () => {
    const root = makeTempDir('zamok-att-');
    const id = randomUUID();
    const final = documentPath(root, id);
    mkdirSync(join(root, id.slice(0, 2)), { recursive: true });
    writeFileSync(final, 'done');
    const old = `${final}.0123456789abcdef.tmp`;
    const fresh = `${documentPath(root, randomUUID())}.fedcba9876543210.tmp`;
    mkdirSync(join(fresh, '..'), { recursive: true });
    writeFileSync(old, 'partial');
    writeFileSync(fresh, 'partial');
    const hourAgo = (Date.now() - 60 * 60 * 1000) / 1000;
    utimesSync(old, hourAgo, hourAgo);
    utimesSync(final, hourAgo, hourAgo);
    expect(await removeStaleStaged(root, 10 * 60 * 1000)).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
    expect(existsSync(final)).toBe(true);
    await shredFile(final);
    expect(existsSync(final)).toBe(false);
    await shredFile(final); // already gone: fine
    expect(await removeStaleStaged(join(root, 'missing'), 0)).toBe(0);
  });
});
