// @vitest-environment jsdom
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { AppShell } from '../shell/AppShell';
import { en, uk } from '../shell/shortcuts-i18n';
import { renderWithApi, setUpScreenTests } from '../test-support/render';
import { scriptedApi } from '../test-support/scripted-api';
import { ariaKeys, keyParts, SHORTCUT_IDS } from './shortcuts';
import { OWNER } from './test-support';

const root = resolve(import.meta.dirname, '..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap(name => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$|test-support/.test(name) ? [path] : [];
  });
}

describe('the shortcut registry', () => {
  it('is the only place keys are bound or announced', () => {
    const offenders = sources(root)
      .filter(path => !path.endsWith(join('app', 'shortcuts.ts')))
      .flatMap(path => {
        const text = readFileSync(path, 'utf8');
        const found = [/\buseHotkeys\(/, /\bgetHotkeyHandler\(/, /aria-keyshortcuts="/].filter(re =>
          re.test(text),
        );
        return found.length > 0 ? [relative(root, path)] : [];
      });
    expect(offenders).toEqual([]);
  });

  it('names every shortcut in both languages and shows keys as people press them', () => {
    expect(Object.keys(uk.names).sort()).toEqual([...SHORTCUT_IDS].sort());
    expect(Object.keys(en.names).sort()).toEqual([...SHORTCUT_IDS].sort());
    expect(keyParts('dealNew')).toEqual(['Ctrl', 'Alt', 'N']);
    expect(keyParts('dealNew', true)).toEqual(['⌘', '⌥', 'N']);
    expect(keyParts('help')).toEqual(['?']);
    expect(ariaKeys('lock')).toBe('Control+L');
  });
});

describe('the shortcut sheet', () => {
  setUpScreenTests(OWNER);

  it('opens with ? and lists every registered shortcut, in Ukrainian', async () => {
    const { api } = scriptedApi({});
    renderWithApi(<AppShell />, api, 'uk');
    await screen.findByRole('navigation');
    fireEvent.keyDown(document.documentElement, { key: '?', code: 'Slash', shiftKey: true });
    const sheet = await screen.findByRole('dialog', { name: 'Клавіші' });
    for (const id of SHORTCUT_IDS) expect(within(sheet).getByText(uk.names[id])).toBeTruthy();
  });

  it('does not open while typing ? in a field', async () => {
    const { api } = scriptedApi({});
    renderWithApi(<AppShell />, api, 'uk');
    const field = await screen.findByRole('combobox', { name: 'Пошук' });
    fireEvent.keyDown(field, { key: '?', code: 'Slash', shiftKey: true });
    expect(screen.queryByRole('dialog', { name: 'Клавіші' })).toBeNull();
  });
});
