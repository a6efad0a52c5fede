/**
 * Every keyboard shortcut of the app, in one registry: the screens bind their keys through
 * {@link useShortcuts} / {@link shortcutHandler} by id, their buttons announce them with
 * {@link ariaKeys}, and the `?` sheet (shell/ShortcutSheet.tsx) lists this registry. A key bound
 * anywhere else is a test failure (shortcuts.test.ts scans the renderer's sources).
 */
import { getHotkeyHandler, useHotkeys, type HotkeyItemOptions } from '@mantine/hooks';
import type { KeyboardEvent } from 'react';

/** Where a shortcut works (a heading of the sheet). */
export const SHORTCUT_PLACES = ['anywhere', 'lists', 'record', 'forms', 'sections'] as const;
export type ShortcutPlace = (typeof SHORTCUT_PLACES)[number];

interface ShortcutSpec {
  /** Mantine hotkey syntax (`mod` = Ctrl, or ⌘ on macOS). */
  keys: string;
  place: ShortcutPlace;
  /** Also while typing in a field (otherwise fields keep the keys for typing). */
  inFields?: boolean;
  /** Matched by the key's position (the Ukrainian layout types `т` where `n` is). */
  physical?: boolean;
  /** How the sheet shows the keys, when not as bound (`?` rather than Shift + ?). */
  shown?: readonly string[];
}

/** The registry. The sheet's words are `shortcuts.names.<id>`. */
export const SHORTCUTS = {
  lock: { keys: 'mod+L', place: 'anywhere', inFields: true, physical: true },
  search: { keys: 'mod+K', place: 'anywhere', inFields: true, physical: true },
  help: { keys: 'shift+?', place: 'anywhere', shown: ['?'] },
  listSearch: { keys: '/', place: 'lists' },
  listNew: { keys: 'n', place: 'lists', physical: true },
  listDown: { keys: 'ArrowDown', place: 'lists' },
  listUp: { keys: 'ArrowUp', place: 'lists' },
  listOpen: { keys: 'Enter', place: 'lists' },
  recordBack: { keys: 'Escape', place: 'record' },
  recordEdit: { keys: 'e', place: 'record', physical: true },
  documentAttach: { keys: 'u', place: 'record', physical: true },
  formSave: { keys: 'mod+Enter', place: 'forms', inFields: true },
  formCancel: { keys: 'Escape', place: 'forms', inFields: true },
  dealNew: { keys: 'mod+alt+N', place: 'sections', physical: true },
  contactsExport: { keys: 'mod+shift+E', place: 'sections', physical: true },
  dashboardMonths3: { keys: 'alt+3', place: 'sections' },
  dashboardMonths6: { keys: 'alt+6', place: 'sections' },
  dashboardMonths12: { keys: 'alt+1', place: 'sections' },
  reportShow: { keys: 'mod+Enter', place: 'sections', inFields: true },
  // The browser's own print; the reports page's Print button announces it.
  reportPrint: { keys: 'mod+P', place: 'sections', inFields: true },
  securityCheck: { keys: 'mod+Enter', place: 'sections' },
  backupNow: { keys: 'mod+B', place: 'sections', physical: true },
  userAdd: { keys: 'mod+N', place: 'sections', physical: true },
  auditExport: { keys: 'mod+E', place: 'sections', physical: true },
} as const satisfies Record<string, ShortcutSpec>;

/** A shortcut's id. */
export type ShortcutId = keyof typeof SHORTCUTS;

/** Every shortcut id, in the registry's order. */
export const SHORTCUT_IDS = Object.keys(SHORTCUTS) as ShortcutId[];

/** One binding: the shortcut, what it does, and Mantine's options (e.g. keep the default). */
export type ShortcutBinding = [
  ShortcutId,
  (event: globalThis.KeyboardEvent) => void,
  HotkeyItemOptions?,
];

function spec(id: ShortcutId): ShortcutSpec {
  return SHORTCUTS[id];
}

function hotkeys(bindings: readonly ShortcutBinding[]) {
  return bindings.map(([id, handler, options]) => {
    const physical = spec(id).physical === true;
    return [spec(id).keys, handler, { usePhysicalKeys: physical, ...options }] as const;
  });
}

/**
 * Binds shortcuts on the whole window while the component is mounted. Shortcuts marked `inFields`
 * fire while typing in a field; the others leave fields alone.
 */
export function useShortcuts(bindings: readonly ShortcutBinding[]): void {
  const anywhere = bindings.filter(([id]) => spec(id).inFields === true);
  const outside = bindings.filter(([id]) => spec(id).inFields !== true);
  useHotkeys(
    hotkeys(anywhere).map(item => [...item]),
    [],
  );
  useHotkeys(hotkeys(outside).map(item => [...item]));
}

/** An element's onKeyDown for shortcuts that belong to it (a form's Escape, a search box's keys). */
export function shortcutHandler(
  bindings: readonly ShortcutBinding[],
): (event: KeyboardEvent<HTMLElement> | globalThis.KeyboardEvent) => void {
  return getHotkeyHandler(hotkeys(bindings).map(item => [...item]));
}

/** The shortcut's keys for `aria-keyshortcuts` (e.g. `Control+Alt+N`). */
export function ariaKeys(id: ShortcutId): string {
  return spec(id)
    .keys.split('+')
    .map(part => ARIA_NAMES[part.toLowerCase()] ?? (part.length === 1 ? part.toUpperCase() : part))
    .join('+');
}

const ARIA_NAMES: Readonly<Record<string, string>> = { mod: 'Control', alt: 'Alt', shift: 'Shift' };

/** The shortcut's keys as shown to people: `['Ctrl', 'Alt', 'N']` (⌘ on macOS). */
export function keyParts(id: ShortcutId, mac = false): string[] {
  const shown = spec(id).shown;
  if (shown) return [...shown];
  return spec(id)
    .keys.split('+')
    .map(
      part =>
        KEY_NAMES[part.toLowerCase()]?.(mac) ?? (part.length === 1 ? part.toUpperCase() : part),
    );
}

const KEY_NAMES: Readonly<Record<string, (mac: boolean) => string>> = {
  mod: mac => (mac ? '⌘' : 'Ctrl'),
  alt: mac => (mac ? '⌥' : 'Alt'),
  shift: () => 'Shift',
  arrowdown: () => '↓',
  arrowup: () => '↑',
};
