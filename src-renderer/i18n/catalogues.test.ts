import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as firstSignIn from '../screens/first-sign-in/i18n';
import * as lock from '../screens/lock/i18n';
import * as setup from '../screens/setup/i18n';
import * as signIn from '../screens/sign-in/i18n';
import * as shell from '../shell/i18n';
import { en } from './en';
import { catalogues } from './index';
import { uk } from './uk';

type Tree = { readonly [key: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value, path)) out.set(k, v);
  }
  return out;
}

function variables(text: string): string[] {
  return [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map(m => m[1] ?? '').sort();
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('interface catalogues', () => {
  it('Ukrainian and English have exactly the same keys', () => {
    expect([...leaves(en).keys()].sort()).toEqual([...leaves(uk).keys()].sort());
  });

  it('the merged catalogues (with shared errors and password messages) have the same keys', () => {
    expect([...leaves(catalogues.en).keys()].sort()).toEqual(
      [...leaves(catalogues.uk).keys()].sort(),
    );
    expect(leaves(catalogues.uk).get('errors.locked_out')).toBeTruthy();
    expect(leaves(catalogues.en).get('password.too_short')).toBeTruthy();
  });

  it('every message uses the same {{variables}} in both languages and none is empty', () => {
    const english = leaves(catalogues.en);
    for (const [key, text] of leaves(catalogues.uk)) {
      expect(text.trim(), key).not.toBe('');
      expect(english.get(key)?.trim(), key).not.toBe('');
      expect(variables(english.get(key) ?? ''), key).toEqual(variables(text));
    }
  });

  it('every literal key the components ask for exists in both languages', () => {
    const ukKeys = leaves(catalogues.uk);
    const enKeys = leaves(catalogues.en);
    const root = join(import.meta.dirname, '..');
    const used = new Set<string>();
    for (const file of sourceFiles(root)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.]+)'/g)) used.add(match[1] ?? '');
    }
    expect(used.size).toBeGreaterThan(50);
    // A plural key (i18next `count`) is present as its `_one` … `_other` forms.
    const has = (keys: Map<string, string>, key: string) =>
      keys.has(key) || keys.has(`${key}_other`);
    const missing = [...used].filter(key => !has(ukKeys, key) || !has(enKeys, key));
    expect(missing).toEqual([]);
  });

  it('the two languages really differ (no untranslated copy)', () => {
    const pairs: [string, Tree, Tree][] = [
      ['', uk, en],
      ['setup.', setup.uk, setup.en],
      ['firstSignIn.', firstSignIn.uk, firstSignIn.en],
      ['', signIn.uk, signIn.en],
      ['lock.', lock.uk, lock.en],
      ['shell.', shell.uk, shell.en],
    ];
    for (const [prefix, ukrainian, english] of pairs) {
      const englishTexts = leaves(english, prefix.replace(/\.$/, ''));
      const same = [...leaves(ukrainian, prefix.replace(/\.$/, ''))].filter(
        ([key, text]) => englishTexts.get(key) === text && !/^(app\.name|duration\.)/.test(key),
      );
      expect(same.map(([key]) => key)).toEqual([]);
    }
  });
});
